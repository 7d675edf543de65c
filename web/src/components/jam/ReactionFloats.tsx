import { useEffect, useState, type CSSProperties } from 'react';
import { useServices } from '../../context';
import { addFloat, nextExpiry, NO_FLOATS, pruneFloats, type FloatOptions, type FloatState } from '../../lib/reactions';

/** The jam's reactions as they come, each for its life, at most `o.max` at once. */
function useFloats(o: FloatOptions): FloatState {
  const { client } = useServices();
  const [state, setState] = useState(NO_FLOATS);
  useEffect(() => client.onReaction((r) => setState((s) => addFloat(s, r, performance.now(), o))), [client, o]);
  useEffect(() => {
    const due = nextExpiry(state);
    if (due === null) return;
    const t = setTimeout(() => setState((s) => pruneFloats(s, performance.now())), Math.max(0, due - performance.now()));
    return () => clearTimeout(t);
  }, [state]);
  return state;
}

/** Reactions floating up over the page with the sender's name: a participant's or a screen's. */
export function ReactionFloats({ options, className = '' }: { options: FloatOptions; className?: string }) {
  const { items } = useFloats(options);
  return (
    <div className={`reaction-layer ${className}`} role="log" aria-live="polite" aria-label="Reactions" data-testid="reaction-layer">
      {items.map((f) => (
        <div
          key={f.id}
          className="reaction-float"
          style={{ '--lane': f.lane, '--lanes': options.lanes, animationDuration: `${options.lifeMs}ms` } as CSSProperties}
          data-testid="reaction-float"
          data-emoji={f.emoji}
          data-name={f.name}
        >
          <span className="reaction-emoji">{f.emoji}</span>
          <span className="reaction-name">{f.name}</span>
        </div>
      ))}
    </div>
  );
}
