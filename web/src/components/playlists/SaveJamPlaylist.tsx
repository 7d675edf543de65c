import { useMemo, useState } from 'react';
import { useServices } from '../../context';
import type { JamState } from '../../lib/jamState';
import { jamSongIds, PlaylistKeys } from '../../lib/playlists';
import { JamError } from '../../lib/types';
import { validatePlaylistName } from '../../lib/validation';
import { createPlaylist } from '../../net/api';

/** "Save as playlist": the jam's history, oldest first, plus what plays, kept after the jam ends. */
export function SaveJamPlaylist({ jam }: { jam: JamState }) {
  const { toasts } = useServices();
  const keys = useMemo(() => new PlaylistKeys(window.localStorage), []);
  const [name, setName] = useState<string | null>(null);
  const songIds = jamSongIds(jam);

  async function save(n: string) {
    try {
      const r = await createPlaylist(n.trim(), songIds);
      keys.save({ id: r.playlist.id, name: r.playlist.name, editToken: r.editToken });
      toasts.push({ kind: 'info', text: `Saved “${r.playlist.name}” with ${r.playlist.songs.length} songs — find it under Your playlists.` });
      setName(null);
    } catch (e) {
      toasts.push({ kind: 'error', text: e instanceof JamError ? e.message : 'The playlist could not be saved.' });
    }
  }

  if (name === null) {
    return (
      <button
        type="button"
        className="btn"
        disabled={songIds.length === 0}
        title={songIds.length === 0 ? 'Nothing has played yet' : undefined}
        onClick={() => setName(`Jam ${jam.code} · ${new Date().toLocaleDateString()}`)}
        data-testid="save-jam-playlist"
      >
        Save as playlist
      </button>
    );
  }
  const problem = validatePlaylistName(name);
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) void save(name);
      }}
    >
      <label htmlFor="jam-playlist-name" className="sr-only">
        Playlist name
      </label>
      <input id="jam-playlist-name" value={name} onChange={(e) => setName(e.target.value)} data-testid="jam-playlist-name" autoFocus />
      <button type="submit" className="btn btn-primary" disabled={!!problem} data-testid="save-jam-playlist-confirm">
        Save {songIds.length} songs
      </button>
      <button type="button" className="btn" onClick={() => setName(null)}>
        Cancel
      </button>
    </form>
  );
}
