import { useEffect, useState, type KeyboardEvent } from 'react';
import { useServices } from '../../context';
import { formatTime } from '../../format';
import { playlistLink } from '../../lib/playlists';
import type { SoloQueue } from '../../lib/soloQueue';
import { validatePlaylistName } from '../../lib/validation';
import type { PlaylistEditor } from './usePlaylistEditor';

interface Props {
  editor: PlaylistEditor;
  /** A playlist opened from a share link (?playlist=id). */
  linkId: string;
  onPlay(q: SoloQueue): void;
}

/** The normal view's playlists: create, open, rename, reorder, remove songs, play alone, share. */
export function PlaylistManager({ editor, linkId, onPlay }: Props) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const problem = validatePlaylistName(name);

  useEffect(() => {
    if (linkId) void editor.openById(linkId);
    // Only the link the page was opened with: the editor changes on every render.
  }, [linkId]);

  async function create() {
    setTouched(true);
    if (problem) return;
    if (await editor.create(name.trim())) {
      setName('');
      setTouched(false);
    }
  }

  return (
    <section className="card playlists" aria-labelledby="playlists-title" data-testid="playlist-manager">
      <h2 id="playlists-title" className="section-title">Your playlists</h2>
      <p className="warning small" role="note" data-testid="token-warning">
        Your playlists' edit keys are kept only in this browser. If you clear this site's data or use another
        browser, you lose the right to edit them — anyone with a share link can still play them.
      </p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor="new-playlist" className="sr-only">
          New playlist name
        </label>
        <input
          id="new-playlist"
          value={name}
          placeholder="New playlist name"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={touched && !!problem}
          data-testid="new-playlist-name"
        />
        <button type="submit" className="btn" disabled={editor.busy} data-testid="create-playlist">
          Create
        </button>
      </form>
      {touched && problem && <p className="error-text">{problem}</p>}
      {editor.owned.length > 0 && (
        <ul className="playlist-names" data-testid="owned-playlists">
          {editor.owned.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="btn btn-small"
                aria-pressed={editor.open?.id === p.id}
                onClick={() => void editor.openById(p.id)}
              >
                {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editor.open && <OpenPlaylist editor={editor} onPlay={onPlay} />}
    </section>
  );
}

function OpenPlaylist({ editor, onPlay }: { editor: PlaylistEditor; onPlay(q: SoloQueue): void }) {
  const { toasts } = useServices();
  const playlist = editor.open!;
  const [draft, setDraft] = useState(playlist.name);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  useEffect(() => setDraft(playlist.name), [playlist.id, playlist.name]);
  const renameProblem = validatePlaylistName(draft);

  async function share() {
    const link = playlistLink(window.location.origin, playlist.id);
    try {
      await navigator.clipboard.writeText(link);
      toasts.push({ kind: 'info', text: 'Playlist link copied' });
    } catch {
      toasts.push({ kind: 'info', text: `Share this link: ${link}` });
    }
  }

  function keys(e: KeyboardEvent, index: number) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    void editor.moveSong(index, e.key === 'ArrowUp' ? index - 1 : index + 1);
  }

  return (
    <div className="open-playlist" data-testid="open-playlist" data-playlist-id={playlist.id}>
      <div className="row">
        {editor.editable ? (
          <form
            className="row grow"
            onSubmit={(e) => {
              e.preventDefault();
              if (!renameProblem) void editor.rename(draft.trim());
            }}
          >
            <label htmlFor="playlist-name" className="sr-only">
              Playlist name
            </label>
            <input id="playlist-name" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="playlist-name" />
            <button type="submit" className="btn btn-small" disabled={!!renameProblem || draft.trim() === playlist.name}>
              Rename
            </button>
          </form>
        ) : (
          <h3 className="grow" data-testid="playlist-title">{playlist.name}</h3>
        )}
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={playlist.songs.length === 0}
          onClick={() => onPlay({ label: playlist.name, songs: playlist.songs, index: 0 })}
          data-testid="play-playlist"
        >
          Play
        </button>
        <button type="button" className="btn btn-small" onClick={share} data-testid="share-playlist">
          Share link
        </button>
        {editor.editable && (
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => window.confirm(`Delete “${playlist.name}” for everyone?`) && void editor.remove()}
            data-testid="delete-playlist"
          >
            Delete
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={editor.close} aria-label="Close the playlist">
          ×
        </button>
      </div>
      {!editor.editable && <p className="muted small">Shared with you: you can play it, not change it.</p>}
      {playlist.missingCount > 0 && (
        <p className="muted small" data-testid="missing-count">
          {playlist.missingCount} {playlist.missingCount === 1 ? 'song is' : 'songs are'} no longer in the catalog.
        </p>
      )}
      {playlist.songs.length === 0 ? (
        <p className="muted">No songs yet{editor.editable ? ': add some with “+ Playlist” in the song list.' : '.'}</p>
      ) : (
        <ol className="song-list" data-testid="playlist-songs" aria-label={`Songs of ${playlist.name}`}>
          {playlist.songs.map((s, i) => (
            <li
              key={`${i}-${s.id}`}
              className={dragFrom === i ? 'song-row dragging' : 'song-row'}
              data-testid="playlist-song"
              data-song-id={s.id}
              draggable={editor.editable}
              tabIndex={editor.editable ? 0 : undefined}
              aria-label={editor.editable ? `${s.title}, position ${i + 1}; Alt+Up or Alt+Down moves it` : undefined}
              onKeyDown={(e) => editor.editable && keys(e, i)}
              onDragStart={() => setDragFrom(i)}
              onDragEnd={() => setDragFrom(null)}
              onDragOver={(e) => dragFrom !== null && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragFrom !== null && dragFrom !== i) void editor.moveSong(dragFrom, i);
                setDragFrom(null);
              }}
            >
              {editor.editable && <span className="drag-handle" aria-hidden="true">⋮⋮</span>}
              <div className="song-meta">
                <div className="song-title">{s.title}</div>
                <div className="song-artist">{s.artist}</div>
              </div>
              <span className="muted time">{formatTime(s.durationMs)}</span>
              {editor.editable && (
                <span className="row-actions">
                  <button type="button" className="btn btn-small" aria-label={`Move ${s.title} up`} disabled={i === 0 || editor.busy}
                    onClick={() => void editor.moveSong(i, i - 1)} data-testid="move-up">↑</button>
                  <button type="button" className="btn btn-small" aria-label={`Move ${s.title} down`}
                    disabled={i === playlist.songs.length - 1 || editor.busy}
                    onClick={() => void editor.moveSong(i, i + 1)} data-testid="move-down">↓</button>
                  <button type="button" className="btn btn-small btn-danger" aria-label={`Remove ${s.title}`} disabled={editor.busy}
                    onClick={() => void editor.removeSong(i)} data-testid="remove-song">Remove</button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
