import { describe, expect, it } from 'vitest';
import {
  addFloat,
  isFresh,
  nextExpiry,
  NO_FLOATS,
  normalizeEmoji,
  pruneFloats,
  reactionFrom,
  ReactionLimiter,
  REACTION_EMOJI,
  type FloatOptions,
  type Reaction,
} from './reactions';

const r = (id: number, emoji = REACTION_EMOJI[0]): Reaction => ({ id, emoji, name: `n${id}`, participantId: `p${id}`, at: 0 });

describe('the six emoji', () => {
  it('takes them as the server echoes them, and a bare heart as the heart', () => {
    for (const e of REACTION_EMOJI) expect(normalizeEmoji(e)).toBe(e);
    expect(normalizeEmoji('\u2764')).toBe('\u2764\uFE0F');
    expect(normalizeEmoji('💩')).toBeNull();
    expect(normalizeEmoji(7)).toBeNull();
  });
  it('reads a reaction event, and nothing that is not one', () => {
    const data = { participant: { id: 'p1', name: 'Ana', connected: true }, emoji: '🔥', at: 123 };
    expect(reactionFrom(data, 4)).toEqual({ id: 4, emoji: '🔥', name: 'Ana', participantId: 'p1', at: 123 });
    expect(reactionFrom({ ...data, emoji: 'x' }, 1)).toBeNull();
    expect(reactionFrom({ emoji: '🔥', at: 1 }, 1)).toBeNull();
    expect(reactionFrom(null, 1)).toBeNull();
  });
  it('drops a reaction that arrives long after it was sent', () => {
    expect(isFresh({ at: 1000 }, 6000)).toBe(true);
    expect(isFresh({ at: 1000 }, 6001)).toBe(false);
  });
});

describe('ReactionLimiter (10 in any 10 s, §12)', () => {
  it('allows ten, then waits until the oldest leaves the window (with the margin)', () => {
    const l = new ReactionLimiter();
    for (let i = 0; i < 10; i++) {
      expect(l.waitMs(i * 100)).toBe(0);
      l.record(i * 100);
    }
    expect(l.waitMs(1000)).toBe(10_000 + 250 - 1000);
    expect(l.waitMs(10_249)).toBe(1);
    expect(l.waitMs(10_250)).toBe(0); // the first one is out
    l.record(10_250);
    expect(l.waitMs(10_250)).toBe(100); // the second leaves at 100 + 10 250
  });
  it('does not count a refused one, and holds after the server refused', () => {
    const l = new ReactionLimiter(2, 1000, 0);
    l.record(0);
    l.record(10);
    expect(l.waitMs(20)).toBe(980);
    l.forget(10);
    expect(l.waitMs(20)).toBe(0);
    l.hold(20, 2000);
    expect(l.waitMs(30)).toBe(1990);
    expect(l.waitMs(2020)).toBe(0);
  });
});

describe('floating reactions', () => {
  const o: FloatOptions = { max: 3, lifeMs: 1000, lanes: 2 };
  it('takes lanes in turn and keeps at most max, the newest', () => {
    let s = NO_FLOATS;
    for (let i = 1; i <= 4; i++) s = addFloat(s, r(i), 0, o);
    expect(s.items.map((f) => f.id)).toEqual([2, 3, 4]);
    expect(s.items.map((f) => f.lane)).toEqual([1, 0, 1]);
  });
  it('lets each float go after its life, and says when the next goes', () => {
    let s = addFloat(NO_FLOATS, r(1), 0, o);
    s = addFloat(s, r(2), 400, o);
    expect(nextExpiry(s)).toBe(1000);
    expect(pruneFloats(s, 999)).toBe(s); // unchanged: the same object, no re-render
    s = pruneFloats(s, 1000);
    expect(s.items.map((f) => f.id)).toEqual([2]);
    s = addFloat(s, r(3), 1500, o); // a new one also drops the finished
    expect(s.items.map((f) => f.id)).toEqual([3]);
    expect(nextExpiry(NO_FLOATS)).toBeNull();
  });
});
