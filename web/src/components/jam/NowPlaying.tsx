import { useRef, useState } from 'react';
import type { PlayerHandle } from '../../audio/usePlayer';
import { useJamView, useServices } from '../../context';
import { formatTime } from '../../format';
import { OFFLINE_TEXT } from '../../lib/connection';
import { canControlPlayback, type JamState } from '../../lib/jamState';
import { expectedPositionMs } from '../../lib/sync';
import { Cover } from '../Cover';
import { useTogglePlay } from './playbackControls';
import { AddedBy } from './QueueList';
import { ReactionBar } from './ReactionBar';
import { SongProgress } from './SongProgress';
import { useServerNow } from './useServerNow';

export function NowPlaying({ jam, player }: { jam: JamState; player: PlayerHandle }) {
  const { client } = useServices();
  const view = useJamView();
  const { status } = player;
  const now = useServerNow();
  const [seekDraft, setSeekDraft] = useState<number | null>(null);
  const seekTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const togglePlay = useTogglePlay(jam);

  const current = jam.current;
  const playback = jam.playback;
  const control = canControlPlayback(jam);
  const offline = view.offline;

  const duration = current?.song.durationMs ?? 0;
  const position = current ? expectedPositionMs(playback, now, duration) : 0;
  const shown = seekDraft ?? position;

  function onSeek(value: number) {
    setSeekDraft(value);
    if (seekTimer.current) clearTimeout(seekTimer.current);
    seekTimer.current = setTimeout(() => {
      void client
        .playback(playback.isPlaying, Math.min(value, duration))
        .catch(() => undefined)
        .finally(() => setSeekDraft(null));
    }, 300);
  }

  const skipped = view.skipVotedFor === current?.id && current !== null;

  return (
    <section className="card now-playing" aria-labelledby="np-title" data-testid="now-playing" data-item-id={current?.id ?? ''}>
      <h2 id="np-title" className="section-title">Now playing</h2>
      {!current ? (
        <p className="muted" data-testid="now-playing-empty">
          Nothing is playing. Add a song from the list{jam.settings.autoPlay ? ' and it starts right away' : ''}.
        </p>
      ) : (
        <>
          <div className="np-head">
            <Cover songId={current.song.id} size={96} className="np-cover" />
            <div className="np-meta">
              <div className="np-title" data-testid="now-playing-title" data-song-id={current.song.id}>
                {current.song.title}
              </div>
              <div className="np-artist">{current.song.artist}</div>
              <div className="muted small">
                <AddedBy item={current} />
              </div>
            </div>
          </div>
          <div className="progress-row">
            <span className="time" aria-hidden="true">{formatTime(shown)}</span>
            {control ? (
              <input
                type="range"
                className="seek"
                min={0}
                max={duration}
                step={1000}
                value={Math.round(shown)}
                onChange={(e) => onSeek(Number(e.target.value))}
                disabled={offline}
                aria-label="Seek"
                aria-valuetext={`${formatTime(shown)} of ${formatTime(duration)}`}
                data-testid="seek"
              />
            ) : (
              <SongProgress shownMs={shown} durationMs={duration} />
            )}
            <span className="time" aria-hidden="true">{formatTime(duration)}</span>
          </div>
          <div className="np-controls">
            {/* Guests without playback rights see the controls dimmed with a hint; pressing one
                still asks the server (whose view of rights is the one that counts), and its
                refusal is explained in a toast. */}
            {!control && (
              <span id="np-control-hint" className="visually-hidden">
                Only the host controls playback.
              </span>
            )}
            <button
              type="button"
              className={`btn ${control ? 'btn-primary' : 'btn-dim'}`}
              aria-describedby={control ? undefined : 'np-control-hint'}
              onClick={togglePlay}
              disabled={offline}
              data-testid="play-pause"
              title={offline ? OFFLINE_TEXT : control ? undefined : 'Only the host controls playback'}
            >
              {playback.isPlaying ? 'Pause' : 'Play'}
            </button>
            <button
              type="button"
              className={`btn ${control ? '' : 'btn-dim'}`}
              aria-describedby={control ? undefined : 'np-control-hint'}
              onClick={() => void client.playNext().catch(() => undefined)}
              disabled={offline}
              data-testid="next"
              title={offline ? OFFLINE_TEXT : control ? undefined : 'Only the host can skip'}
            >
              Next
            </button>
            <button
              type="button"
              className="btn"
              aria-pressed={skipped}
              onClick={() => void client.voteSkip(!skipped).catch(() => undefined)}
              disabled={offline}
              title={offline ? OFFLINE_TEXT : undefined}
              data-testid="vote-skip"
            >
              {skipped ? 'Withdraw skip vote' : 'Vote to skip'}{' '}
              <span data-testid="skip-count">
                {jam.skipVotes.count}/{jam.skipVotes.needed}
              </span>
            </button>
            {status.buffering && playback.isPlaying && (
              <span className="muted small" role="status">
                Buffering…
              </span>
            )}
          </div>
          <ReactionBar jam={jam} testId="reactions" />
          {status.waitingClock && playback.isPlaying && (
            <p className="muted small" role="status" data-testid="waiting-clock">
              Syncing with the room…
            </p>
          )}
          {status.blocked && playback.isPlaying && (
            <button type="button" className="btn btn-primary tap-to-listen" onClick={player.unlock} data-testid="tap-to-listen">
              ▶ Tap to listen
            </button>
          )}
        </>
      )}
    </section>
  );
}
