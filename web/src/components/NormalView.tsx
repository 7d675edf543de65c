import { useJamView } from '../context';
import { formatTime } from '../format';
import { current, next, single, type SoloQueue } from '../lib/soloQueue';
import type { Song } from '../lib/types';
import { useSongSearch } from '../useSongSearch';
import { Cover } from './Cover';
import { PlaylistManager } from './playlists/PlaylistManager';
import { usePlaylistEditor, type PlaylistEditor } from './playlists/usePlaylistEditor';

interface Props {
  query: string;
  onOpenJam(): void;
  solo: SoloQueue | null;
  onSolo(q: SoloQueue | null): void;
  linkPlaylist: string;
}

/** Browse and search the catalog, keep playlists, and play a song, a playlist or a mood alone. */
export function NormalView({ query, onOpenJam, solo, onSolo, linkPlaylist }: Props) {
  const jam = useJamView().jam;
  const editor = usePlaylistEditor();
  const playing = current(solo);
  return (
    <div className="normal-view" data-testid="normal-view">
      {jam && (
        <div className="banner" role="note">
          You are in jam <strong>{jam.code}</strong>.{' '}
          <button type="button" className="btn btn-small" onClick={onOpenJam}>
            Back to the jam
          </button>
        </div>
      )}
      <Player queue={solo} onEnded={() => onSolo(solo && next(solo))} />
      <PlaylistManager editor={editor} linkId={linkPlaylist} onPlay={onSolo} />
      <SongList query={query} playingId={playing?.id ?? null} onPlay={(s) => onSolo(single(s))} editor={editor} />
    </div>
  );
}

function Player({ queue, onEnded }: { queue: SoloQueue | null; onEnded(): void }) {
  const song = current(queue);
  if (!queue || !song) {
    return (
      <section className="card player" aria-label="Player">
        <p className="muted">Pick a song to listen on your own, or start a Jam Session with friends.</p>
      </section>
    );
  }
  return (
    <section className="card player" aria-label="Player" data-testid="solo-player">
      <div className="song-meta">
        <div className="song-title">{song.title}</div>
        <div className="song-artist">{song.artist}</div>
        {queue.songs.length > 1 && (
          <div className="muted small" data-testid="solo-queue">
            {queue.label} · {queue.index + 1} of {queue.songs.length}
          </div>
        )}
      </div>
      <audio
        key={`${queue.index}-${song.id}`}
        src={song.audioUrl}
        controls
        autoPlay
        onEnded={onEnded}
        data-testid="solo-audio"
        aria-label={`Playing ${song.title}`}
      />
      {queue.index + 1 < queue.songs.length && (
        <button type="button" className="btn btn-small" onClick={onEnded} data-testid="solo-next">
          Next
        </button>
      )}
    </section>
  );
}

interface SongListProps {
  query: string;
  playingId: string | null;
  onPlay(s: Song): void;
  editor: PlaylistEditor;
}

function SongList({ query, playingId, onPlay, editor }: SongListProps) {
  const target = editor.editable ? editor.open : null;
  const search = useSongSearch(query, 25);
  return (
    <section className="card" aria-labelledby="catalog-title">
      <h2 id="catalog-title" className="section-title">
        {query.trim() ? 'Search results' : 'All songs'} <span className="muted">({search.total})</span>
      </h2>
      {search.error && <p className="error-text" role="alert">{search.error}</p>}
      <ul className="song-list" data-testid="catalog">
        {search.songs.map((s) => (
          <li key={s.id} className="song-row" data-testid="catalog-row" data-song-id={s.id}>
            <Cover songId={s.id} />
            <div className="song-meta">
              <div className="song-title">{s.title}</div>
              <div className="song-artist">
                {s.artist}
                {s.album ? ` · ${s.album}` : ''}
                {s.genre ? ` · ${s.genre}` : ''}
              </div>
            </div>
            <span className="muted time">{formatTime(s.durationMs)}</span>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Play ${s.title} by ${s.artist}`}
              aria-pressed={playingId === s.id}
              onClick={() => onPlay(s)}
              data-testid="play-solo"
            >
              {playingId === s.id ? 'Playing' : 'Play'}
            </button>
            {target && (
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Add ${s.title} to ${target.name}`}
                disabled={editor.busy || target.songs.length >= 500}
                onClick={() => void editor.add(s)}
                data-testid="add-to-playlist"
              >
                + Playlist
              </button>
            )}
          </li>
        ))}
      </ul>
      {!search.loading && search.songs.length === 0 && !search.error && <p className="muted">No songs found.</p>}
      {search.hasMore && (
        <button type="button" className="btn" onClick={search.loadMore} disabled={search.loading}>
          {search.loading ? 'Loading…' : 'Show more'}
        </button>
      )}
    </section>
  );
}
