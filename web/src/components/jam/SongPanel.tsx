import { useState } from 'react';
import { useJamView, useServices } from '../../context';
import { OFFLINE_TEXT } from '../../lib/connection';
import { Cover } from '../Cover';
import { formatTime } from '../../format';
import type { JamState } from '../../lib/jamState';
import { activeRules, describeMood } from '../../lib/partyRules';
import { addButtonAriaLabel, addButtonLabel, songStatus, type SongStatus } from '../../lib/songLabels';
import { JamError, type Recommendation, type Song } from '../../lib/types';
import { useSongSearch } from '../../useSongSearch';
import { SearchInput } from '../SearchInput';
import { useMoods } from '../useMoods';

type Recs =
  | { state: 'closed' }
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'failed' }
  | { state: 'ready'; songs: Recommendation[] };

export function SongPanel({ jam, query, onQuery }: { jam: JamState; query: string; onQuery(q: string): void }) {
  const { client } = useServices();
  const search = useSongSearch(query, 20);
  const [recs, setRecs] = useState<Recs>({ state: 'closed' });

  async function askAi() {
    if (recs.state === 'ready' || recs.state === 'unavailable' || recs.state === 'failed') {
      setRecs({ state: 'closed' });
      return;
    }
    setRecs({ state: 'loading' });
    try {
      // The mood shown is the mood asked for, even if the host changes it meanwhile.
      const res = await client.recommendations(10, jam.settings.mood);
      setRecs({ state: 'ready', songs: res.songs ?? [] });
    } catch (e) {
      setRecs({ state: e instanceof JamError && e.code === 'UNAVAILABLE' ? 'unavailable' : 'failed' });
    }
  }

  const add = (s: Song) => void client.addSong(s.id).catch(() => undefined);

  return (
    <section className="card" aria-labelledby="songs-title">
      <h2 id="songs-title" className="section-title">Add songs</h2>
      <HouseRules jam={jam} />
      <JamMood mood={jam.settings.mood} />
      <div className="song-search-row">
        <SearchInput
          id="jam-song-search"
          label="Search songs to add"
          placeholder="Search songs"
          testId="song-search"
          query={query}
          onQuery={onQuery}
        />
        <button
          type="button"
          className="btn btn-ai"
          onClick={askAi}
          aria-expanded={recs.state !== 'closed'}
          aria-controls="recs"
          aria-label="AI: recommend songs for this room"
          data-testid="ai-button"
          title="Songs this room will like"
        >
          AI picks
        </button>
      </div>
      {recs.state !== 'closed' && (
        <div id="recs" className="recs" data-testid="recommendations" aria-live="polite">
          <h3 className="sub-title">Recommended for this room</h3>
          {recs.state === 'loading' && <p className="muted">Thinking…</p>}
          {recs.state === 'unavailable' && (
            <p className="notice" data-testid="recs-unavailable">
              Recommendations are unavailable right now. Try again later — meanwhile, search for songs below.
            </p>
          )}
          {recs.state === 'failed' && <p className="error-text">Could not get recommendations.</p>}
          {recs.state === 'ready' && recs.songs.length === 0 && <p className="muted">No recommendations yet.</p>}
          {recs.state === 'ready' && (
            <ul className="song-list">
              {recs.songs.map((r) => (
                <SongRow key={r.song.id} song={r.song} status={songStatus(jam, r.song.id)} onAdd={add} testid="rec-row">
                  <ul className="reasons" aria-label="Why">
                    {r.reasons.map((reason, i) => (
                      <li key={i}>{reason}</li>
                    ))}
                  </ul>
                </SongRow>
              ))}
            </ul>
          )}
        </div>
      )}
      <h3 className="sub-title">{query.trim() ? 'Results' : 'All songs'} <span className="muted">({search.total})</span></h3>
      {search.error && <p className="error-text" role="alert">{search.error}</p>}
      <ul className="song-list" data-testid="song-list">
        {search.songs.map((s) => (
          <SongRow key={s.id} song={s} status={songStatus(jam, s.id)} onAdd={add} testid="song-row" />
        ))}
      </ul>
      {search.hasMore && (
        <button type="button" className="btn" onClick={search.loadMore} disabled={search.loading}>
          {search.loading ? 'Loading…' : 'Show more'}
        </button>
      )}
    </section>
  );
}

function SongRow({
  song,
  status,
  onAdd,
  testid,
  children,
}: {
  song: Song;
  status: SongStatus;
  onAdd(s: Song): void;
  testid: string;
  children?: React.ReactNode;
}) {
  const offline = useJamView().offline;
  return (
    <li className="song-row" data-testid={testid} data-song-id={song.id}>
      <Cover songId={song.id} />
      <div className="song-meta">
        <div className="song-title">{song.title}</div>
        <div className="song-artist">
          {song.artist} · <span className="muted">{formatTime(song.durationMs)}</span>
        </div>
        {children}
      </div>
      <button
        type="button"
        className="btn btn-small"
        disabled={status !== null || offline}
        title={offline ? OFFLINE_TEXT : undefined}
        onClick={() => onAdd(song)}
        aria-label={addButtonAriaLabel(status, song.title)}
        data-testid="add-song"
        data-status={status ?? 'none'}
      >
        {addButtonLabel(status)}
      </button>
    </li>
  );
}

/** The jam's mood (§13), for everyone: what autofill and the AI picks keep to. */
function JamMood({ mood }: { mood: string | null }) {
  const moods = useMoods();
  if (mood === null) return null;
  return (
    <p className="notice small" data-testid="jam-mood" data-mood={mood}>
      {describeMood(mood, moods)}
    </p>
  );
}

/**
 * The party rules in force (§11), for everyone before they add: a song they refuse is still sent,
 * and the server's refusal says why in a toast.
 */
function HouseRules({ jam }: { jam: JamState }) {
  const rules = activeRules(jam.settings);
  if (rules.length === 0) return null;
  return (
    <div className="notice small house-rules" data-testid="house-rules">
      <strong>House rules</strong>
      <ul>
        {rules.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
