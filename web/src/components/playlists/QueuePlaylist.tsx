import { useMemo, useState } from 'react';
import { useServices } from '../../context';
import { isHost, type JamState } from '../../lib/jamState';
import { PlaylistKeys, type OwnedPlaylist } from '../../lib/playlists';
import { queuedPlaylistText, type QueuedPlaylist } from '../../lib/queuePlaylist';
import { asJamError } from '../../net/jamClient';

/**
 * "Queue a playlist" (host only, PROTOCOL §13): one of the playlists this browser keeps goes
 * into the queue in its order, as the host's songs; the toast says how many were added and
 * how many skipped (already queued or playing, or gone from the catalog).
 */
export function QueuePlaylist({ jam }: { jam: JamState }) {
  const { client, toasts } = useServices();
  const keys = useMemo(() => new PlaylistKeys(window.localStorage), []);
  const [choices, setChoices] = useState<OwnedPlaylist[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);

  if (!isHost(jam)) return null;

  function open() {
    const list = keys.list(); // read now: a playlist saved a moment ago is listed
    setChoices(list);
    setChosen(list[0]?.id ?? '');
  }

  async function queue(playlistId: string) {
    setBusy(true);
    try {
      const r = await client.command<QueuedPlaylist>('jam.queue-playlist', { playlistId }, { quiet: ['NOT_FOUND'] });
      toasts.push({ kind: 'info', text: queuedPlaylistText(r) });
      setChoices(null);
    } catch (e) {
      // Other refusals (QUEUE_FULL, UNAVAILABLE, ...) were already shown by the client.
      if (asJamError(e).code === 'NOT_FOUND') {
        toasts.push({ kind: 'error', code: 'NOT_FOUND', text: 'That playlist no longer exists (it may have been deleted).' });
      }
    } finally {
      setBusy(false);
    }
  }

  if (choices === null) {
    return (
      <button type="button" className="btn" onClick={open} data-testid="queue-playlist">
        Queue a playlist
      </button>
    );
  }
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen && !busy) void queue(chosen);
      }}
    >
      {choices.length === 0 ? (
        <span className="muted small" data-testid="queue-playlist-none">
          No playlists in this browser yet — save one first.
        </span>
      ) : (
        <>
          <label htmlFor="queue-playlist-select" className="sr-only">
            Playlist to queue
          </label>
          <select
            id="queue-playlist-select"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            data-testid="queue-playlist-select"
            autoFocus
          >
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-primary" disabled={!chosen || busy} data-testid="queue-playlist-confirm">
            Queue
          </button>
        </>
      )}
      <button type="button" className="btn" onClick={() => setChoices(null)}>
        Cancel
      </button>
    </form>
  );
}
