import { useEffect, useState } from 'react';
import { useJamView, useServices } from '../../context';
import { OFFLINE_TEXT } from '../../lib/connection';
import type { JamState } from '../../lib/jamState';
import { EMOJI_NAMES, REACTION_EMOJI, type Emoji } from '../../lib/reactions';
import { asJamError } from '../../net/jamClient';

/**
 * The six reactions (PROTOCOL §12), on the now-playing card and the mini-player; hidden when the
 * host turned reactions off. Past the rate rule the buttons rest, with a word on how long.
 */
export function ReactionBar({ jam, testId }: { jam: JamState; testId: string }) {
  const { client } = useServices();
  const offline = useJamView().offline;
  const [waitMs, setWaitMs] = useState(0);

  // Counts down while resting, then wakes the buttons.
  useEffect(() => {
    if (waitMs <= 0) return;
    const t = setTimeout(() => setWaitMs(client.reactionWaitMs()), Math.min(waitMs, 1000));
    return () => clearTimeout(t);
  }, [client, waitMs]);

  if (!jam.settings.reactions) return null;

  async function send(emoji: Emoji) {
    try {
      await client.react(emoji);
    } catch (e) {
      if (asJamError(e).code !== 'RATE_LIMITED') return; // other refusals are toasts (the client's)
    }
    setWaitMs(client.reactionWaitMs());
  }

  const resting = waitMs > 0;
  return (
    <div className="reaction-bar" role="group" aria-label="Send a reaction" data-testid={testId}>
      {REACTION_EMOJI.map((e) => (
        <button
          key={e}
          type="button"
          className="react-btn"
          onClick={() => void send(e)}
          disabled={offline || resting}
          aria-label={`React with ${EMOJI_NAMES[e]}`}
          title={offline ? OFFLINE_TEXT : undefined}
          data-testid="react"
          data-emoji={e}
        >
          {e}
        </button>
      ))}
      {resting && (
        <span className="muted small react-wait" role="status" data-testid="react-wait">
          Lots of love! More in {Math.ceil(waitMs / 1000)} s
        </span>
      )}
    </div>
  );
}
