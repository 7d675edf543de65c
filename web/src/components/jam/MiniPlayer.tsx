import type { PlayerHandle } from '../../audio/usePlayer';
import { useJamView, useServices } from '../../context';
import { OFFLINE_TEXT } from '../../lib/connection';
import { canControlPlayback, type JamState } from '../../lib/jamState';
import { Cover } from '../Cover';
import { useTogglePlay } from './playbackControls';
import { ReactionBar } from './ReactionBar';

/**
 * The phone's always-visible player, pinned to the bottom of the screen like a music app's:
 * cover, title, artist, play/pause (or "Tap to listen" when the browser waits for a tap), and
 * vote-to-skip. Hidden on wide screens, where the now-playing card stays in view.
 */
export function MiniPlayer({ jam, player }: { jam: JamState; player: PlayerHandle }) {
  const { client } = useServices();
  const view = useJamView();
  const toggle = useTogglePlay(jam);
  const current = jam.current;
  if (!current) return null;
  const offline = view.offline;
  const skipped = view.skipVotedFor === current.id;
  const blocked = player.status.blocked && jam.playback.isPlaying;
  const control = canControlPlayback(jam);
  return (
    <div className="mini-player" role="region" aria-label="Now playing" data-testid="mini-player">
      <Cover songId={current.song.id} size={48} />
      <div className="mini-meta">
        <div className="song-title mini-title" data-testid="mini-title">{current.song.title}</div>
        <div className="song-artist mini-artist">{current.song.artist}</div>
      </div>
      {blocked ? (
        <button type="button" className="btn btn-primary" onClick={player.unlock} data-testid="mini-tap-to-listen">
          ▶ Tap to listen
        </button>
      ) : (
        control && (
          <button
            type="button"
            className="btn btn-primary btn-icon"
            onClick={toggle}
            disabled={offline}
            aria-label={jam.playback.isPlaying ? 'Pause' : 'Play'}
            title={offline ? OFFLINE_TEXT : undefined}
            data-testid="mini-play-pause"
          >
            {jam.playback.isPlaying ? '❚❚' : '▶'}
          </button>
        )
      )}
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={skipped}
        disabled={offline}
        title={offline ? OFFLINE_TEXT : undefined}
        aria-label={`${skipped ? 'Withdraw skip vote' : 'Vote to skip'} (${jam.skipVotes.count} of ${jam.skipVotes.needed})`}
        onClick={() => void client.voteSkip(!skipped).catch(() => undefined)}
        data-testid="mini-vote-skip"
      >
        Skip {jam.skipVotes.count}/{jam.skipVotes.needed}
      </button>
      <ReactionBar jam={jam} testId="mini-reactions" />
    </div>
  );
}
