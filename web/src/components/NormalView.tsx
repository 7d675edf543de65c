import { useState } from 'react';
import { useJamView } from '../context';
import { formatTime } from '../format';
import type { Song } from '../lib/types';
import { useSongSearch } from '../useSongSearch';
import { Cover } from './Cover';

interface Props {
  query: string;
  onOpenJam(): void;
}

/** Browse and search the catalog, and play a song alone. */
export function NormalView({ query, onOpenJam }: Props) {
  const [playing, setPlaying] = useState<Song | null>(null);
  const jam = useJamView().jam;
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
      <Player song={playing} />
      <SongList query={query} playingId={playing?.id ?? null} onPlay={setPlaying} />
    </div>
  );
}

function Player({ song }: { song: Song | null }) {
  if (!song) {
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
      </div>
      <audio key={song.id} src={song.audioUrl} controls autoPlay data-testid="solo-audio" aria-label={`Playing ${song.title}`} />
    </section>
  );
}

function SongList({ query, playingId, onPlay }: { query: string; playingId: string | null; onPlay(s: Song): void }) {
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
