// Reactions (PROTOCOL §12): the six emoji, the client's side of the rate rule, and the queue of
// reactions floating up on a display. Framework-free.

export const REACTION_EMOJI = ['🔥', '❤️', '👏', '🎉', '😂', '👎'] as const;
export type Emoji = (typeof REACTION_EMOJI)[number];

/** What a screen reader says for each. */
export const EMOJI_NAMES: Record<Emoji, string> = {
  '🔥': 'fire',
  '❤️': 'heart',
  '👏': 'applause',
  '🎉': 'party',
  '😂': 'laughing',
  '👎': 'thumbs down',
};

/** One of the six, as the server echoes them; a bare U+2764 is the heart (§12). */
export function normalizeEmoji(raw: unknown): Emoji | null {
  if (raw === '\u2764') return '❤️';
  return (REACTION_EMOJI as readonly unknown[]).includes(raw) ? (raw as Emoji) : null;
}

export interface Reaction {
  /** Local, increasing: tells two equal reactions apart. */
  id: number;
  emoji: Emoji;
  name: string;
  participantId: string;
  /** Server time it was sent. */
  at: number;
}

/** A `reaction` event's data `{participant, emoji, at}`, or null when it is not one. */
export function reactionFrom(data: unknown, id: number): Reaction | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as { participant?: { id?: unknown; name?: unknown }; emoji?: unknown; at?: unknown };
  const emoji = normalizeEmoji(d.emoji);
  const p = d.participant;
  if (!emoji || !p || typeof p.name !== 'string' || typeof d.at !== 'number') return null;
  return { id, emoji, name: p.name, participantId: typeof p.id === 'string' ? p.id : '', at: d.at };
}

/** A reaction that arrives this long after it was sent (a stalled link) is not shown. */
export const REACTION_MAX_AGE_MS = 5000;

export function isFresh(r: Pick<Reaction, 'at'>, serverNow: number, maxAgeMs = REACTION_MAX_AGE_MS): boolean {
  return serverNow - r.at <= maxAgeMs;
}

/**
 * The server accepts at most `max` reactions per participant in any `windowMs` (§12), counted
 * as they arrive; the client counts its sends, with a margin for the trip, so it does not send
 * what would be refused. Refused sends do not count (neither does the server count them).
 */
export class ReactionLimiter {
  private sent: number[] = [];
  private holdUntil = 0;

  constructor(
    readonly max = 10,
    readonly windowMs = 10_000,
    readonly marginMs = 250,
  ) {}

  /** How long until another reaction may be sent; 0 for now. */
  waitMs(now: number): number {
    this.sent = this.sent.filter((t) => t + this.windowMs + this.marginMs > now);
    const full = this.sent.length >= this.max ? this.sent[0] + this.windowMs + this.marginMs - now : 0;
    return Math.max(0, full, this.holdUntil - now);
  }

  /** A reaction sent at `now` (counted before its reply, so a burst of taps cannot overshoot). */
  record(now: number): void {
    this.sent.push(now);
  }

  /** The reaction sent at `at` was refused after all: it does not count. */
  forget(at: number): void {
    const i = this.sent.lastIndexOf(at);
    if (i >= 0) this.sent.splice(i, 1);
  }

  /** The server said RATE_LIMITED (its count differs from ours): wait before trying again. */
  hold(now: number, ms = 2000): void {
    this.holdUntil = Math.max(this.holdUntil, now + ms);
  }
}

/** A reaction on its way up the screen, in one of a few lanes across it. */
export interface Float extends Reaction {
  lane: number;
  expiresAt: number;
}

export interface FloatOptions {
  /** At most this many on screen; a newer one pushes out the oldest. */
  max: number;
  lifeMs: number;
  lanes: number;
}

export const PHONE_FLOATS: FloatOptions = { max: 12, lifeMs: 2600, lanes: 5 };
export const SCREEN_FLOATS: FloatOptions = { max: 30, lifeMs: 3500, lanes: 9 };

export interface FloatState {
  items: Float[];
  /** The lane of the next one: lanes are taken in turn, so bursts spread across the screen. */
  nextLane: number;
}

export const NO_FLOATS: FloatState = { items: [], nextLane: 0 };

export function addFloat(s: FloatState, r: Reaction, now: number, o: FloatOptions): FloatState {
  const f: Float = { ...r, lane: s.nextLane % o.lanes, expiresAt: now + o.lifeMs };
  const items = [...pruneFloats(s, now).items, f].slice(-o.max);
  return { items, nextLane: (s.nextLane + 1) % o.lanes };
}

/** Drops the floats that have finished their way up; the same state when none has. */
export function pruneFloats(s: FloatState, now: number): FloatState {
  const items = s.items.filter((f) => f.expiresAt > now);
  return items.length === s.items.length ? s : { ...s, items };
}

/** When the next float is due to go, or null with none on screen. */
export function nextExpiry(s: FloatState): number | null {
  return s.items.length === 0 ? null : Math.min(...s.items.map((f) => f.expiresAt));
}
