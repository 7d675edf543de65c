import { useEffect, useState } from 'react';
import { usePlayer } from '../../audio/usePlayer';
import { useJamView, useServices } from '../../context';
import { formatTime } from '../../format';
import { errorMessage, welcomeReason } from '../../lib/errors';
import type { JamState } from '../../lib/jamState';
import { SCREEN_FLOATS } from '../../lib/reactions';
import { isRecommended } from '../../lib/songLabels';
import { expectedPositionMs } from '../../lib/sync';
import type { QueueItem } from '../../lib/types';
import { codeFromSearch, joinLink } from '../../lib/validation';
import { Cover } from '../Cover';
import { FairHint } from '../jam/QueueList';
import { ReactionFloats } from '../jam/ReactionFloats';
import { SongProgress } from '../jam/SongProgress';
import { useServerNow } from '../jam/useServerNow';
import { QrCode } from '../QrCode';
import { useShareOrigin } from '../useShareOrigin';

/** How many queued songs the screen lists. */
export const TV_NEXT = 5;
const PLAY_HERE_KEY = 'jam.tv.playHere';
/** First watches that failed for a reason that may pass (the server restarting) are tried again. */
const GIVE_UP = new Set(['NOT_FOUND', 'INVALID_INPUT']);
const RETRY_MS = 3000;
const UNREACHED = new Set(['DISCONNECTED', 'TIMEOUT']);

/**
 * The big screen, /tv?code=CODE (PROTOCOL §12): watches the jam (never a participant) and shows,
 * for a room at 1920×1080, how to join, what plays and what is next, and reactions as they come.
 * Reconnects watch again (the client's state machine); a reload watches from the address.
 */
export function TvPage() {
  const { client } = useServices();
  const view = useJamView();
  const [code] = useState(() => codeFromSearch(window.location.search));

  useEffect(() => {
    if (code && client.getView().conn.phase === 'idle') client.watch(code);
  }, [client, code]);

  const failed = view.joinError?.code;
  useEffect(() => {
    if (!code || !failed || GIVE_UP.has(failed)) return;
    const t = setTimeout(() => client.watch(code), RETRY_MS);
    return () => clearTimeout(t);
  }, [client, code, failed, view.joinError]);

  if (!code) return <TvMessage title="Which jam?" text="Open this page from the host's “Show on TV” button, or as /tv?code=ABC123." />;
  if (view.welcome) return <TvMessage title={`Jam ${code}`} text={welcomeReason(view.welcome.reason)} />;
  if (view.jam) return <TvScreen jam={view.jam} offline={view.offline} />;
  if (failed === 'NOT_FOUND') return <TvMessage title={`No jam with code ${code}`} text="Check the code: it may have ended." />;
  const why = !failed ? 'Connecting…' : UNREACHED.has(failed) ? 'Cannot reach the server — trying again…' : `${errorMessage(failed)} Trying again…`;
  return <TvMessage title={`Jam ${code}`} text={why} />;
}

function TvMessage({ title, text }: { title: string; text: string }) {
  return (
    <main className="tv tv-message" data-theme="dark" data-testid="tv-message">
      <h1>{title}</h1>
      <p role="status">{text}</p>
    </main>
  );
}

function TvScreen({ jam, offline }: { jam: JamState; offline: boolean }) {
  const origin = useShareOrigin();
  const link = joinLink(origin, jam.code);
  const [playHere, setPlayHere] = usePlayHere();
  const next = jam.queue.slice(0, TV_NEXT);
  const more = jam.queue.length - next.length;
  return (
    <div className="tv" data-theme="dark" data-testid="tv">
      <main className="tv-grid">
        <section className="tv-join" aria-label="How to join">
          <QrCode text={link} label={`QR code for joining jam ${jam.code}`} size={360} />
          <p className="tv-join-at" data-testid="tv-join-at">
            Join at <strong>{new URL(origin).host}</strong>
          </p>
          <p className="tv-code-label">with the code</p>
          <p className="tv-code" data-testid="tv-code" aria-label={`Jam code ${jam.code.split('').join(' ')}`}>
            {jam.code}
          </p>
          <p className="tv-people" data-testid="tv-people">
            {jam.participants.length} {jam.participants.length === 1 ? 'person' : 'people'} in the jam
          </p>
        </section>
        <TvNowPlaying jam={jam} />
        <section className="tv-next" aria-labelledby="tv-next-title">
          <h2 id="tv-next-title">Up next</h2>
          <FairHint jam={jam} className="tv-fair" />
          {next.length === 0 ? (
            <p className="tv-muted">Nothing queued — scan the code and add a song.</p>
          ) : (
            <ol className="tv-queue" data-testid="tv-queue">
              {next.map((item) => (
                <TvQueueRow key={item.id} item={item} />
              ))}
            </ol>
          )}
          {more > 0 && <p className="tv-muted" data-testid="tv-more">and {more} more</p>}
        </section>
      </main>
      <div className="tv-controls">
        {offline && (
          <span className="tv-offline" role="status" data-testid="tv-offline">
            Reconnecting…
          </span>
        )}
        <label className="check tv-play-here">
          <input type="checkbox" checked={playHere} onChange={(e) => setPlayHere(e.target.checked)} data-testid="tv-play-here" />
          Play here too
        </label>
      </div>
      {playHere && <TvAudio jam={jam} />}
      <ReactionFloats options={SCREEN_FLOATS} className="tv-reactions" />
    </div>
  );
}

function TvNowPlaying({ jam }: { jam: JamState }) {
  const now = useServerNow();
  const current = jam.current;
  if (!current) {
    return (
      <section className="tv-now" aria-label="Now playing">
        <p className="tv-muted tv-now-empty" data-testid="tv-now-empty">
          Nothing is playing yet.
        </p>
      </section>
    );
  }
  const duration = current.song.durationMs;
  const shown = expectedPositionMs(jam.playback, now, duration);
  return (
    <section className="tv-now" aria-label="Now playing" data-testid="tv-now">
      <Cover songId={current.song.id} size={440} className="tv-cover" />
      <div className="tv-title" data-testid="tv-title" data-song-id={current.song.id}>
        {current.song.title}
      </div>
      <div className="tv-artist">{current.song.artist}</div>
      <div className="tv-added">{addedWords(current)}</div>
      <div className="tv-progress-row">
        <span className="tv-time">{formatTime(shown)}</span>
        <SongProgress shownMs={shown} durationMs={duration} testId="tv-progress" />
        <span className="tv-time">{formatTime(duration)}</span>
      </div>
      {!jam.playback.isPlaying && <p className="tv-muted">Paused</p>}
    </section>
  );
}

function TvQueueRow({ item }: { item: QueueItem }) {
  return (
    <li className="tv-queue-item" data-testid="tv-queue-item" data-song-id={item.song.id} data-added-by={item.addedById}>
      <Cover songId={item.song.id} size={88} />
      <div className="tv-queue-meta">
        <div className="tv-queue-title">{item.song.title}</div>
        <div className="tv-queue-artist">{item.song.artist}</div>
        <div className="tv-queue-by" data-testid="tv-added-by">
          {addedWords(item)}
        </div>
      </div>
      <div className="tv-score" data-testid="tv-score" aria-label={`Score ${item.score}`}>
        {item.score > 0 ? `+${item.score}` : item.score}
      </div>
    </li>
  );
}

const addedWords = (item: QueueItem) => (isRecommended(item) ? 'Recommended' : `added by ${item.addedBy}`);

/** The "play here too" toggle, kept across reloads (a TV that is the room's speaker stays one). */
function usePlayHere(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(PLAY_HERE_KEY) === '1';
    } catch {
      return false;
    }
  });
  const set = (v: boolean) => {
    setOn(v);
    try {
      localStorage.setItem(PLAY_HERE_KEY, v ? '1' : '0');
    } catch {
      /* storage blocked: on for this page only */
    }
  };
  return [on, set];
}

/** The screen as a speaker: the jam's synced player, only while "play here too" is on. */
function TvAudio({ jam }: { jam: JamState }) {
  const player = usePlayer(jam);
  return (
    <>
      <audio ref={player.audioRef} data-testid="tv-audio" preload="auto" />
      {player.status.blocked && jam.playback.isPlaying && (
        <button type="button" className="btn btn-primary tv-tap" onClick={player.unlock} data-testid="tv-tap-to-listen">
          ▶ Tap to play here
        </button>
      )}
    </>
  );
}
