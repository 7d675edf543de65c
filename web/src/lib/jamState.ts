// Applying a jam's snapshot and events by the rev rule of PROTOCOL §5, framework-free.
//
// Each snapshot field remembers the rev at which it was last applied; an event's field is
// applied only when the event's rev is greater. Out-of-order and duplicate events are then
// harmless. Revisions are tracked to notice a gap (a rev that never arrived), which the
// caller repairs with jam.snapshot.

import {
  SNAPSHOT_FIELDS,
  type JamEvent,
  type Snapshot,
  type SnapshotField,
  type VoteValue,
  type You,
} from './types';

const RECENT_EVENTS = 200;

export type FieldRevs = Record<SnapshotField, number>;

export interface JamState extends Omit<Snapshot, 'rev' | 'serverTime' | 'you'> {
  /** This participant; on a screen (no `you` in its snapshots, §12) nobody: an empty id, no votes. */
  you: You;
  fieldRevs: FieldRevs;
  /** Every rev up to and including this one has been seen (or covered by a snapshot). */
  knownRev: number;
  /** Revs seen above knownRev + 1: non-empty means a gap is open. Sorted ascending. */
  aheadRevs: number[];
  /** `rev:type` of recently applied events, to tell a first delivery from a duplicate. */
  recentEvents: string[];
  /** The rev of the first snapshot: events at or below it happened before we were here. */
  joinRev: number;
}

export interface ApplyResult {
  state: JamState;
  /** Snapshot fields this event changed; empty when the event was stale or a duplicate. */
  applied: SnapshotField[];
  /** True on the first delivery of this event (its rev and type not seen before). */
  fresh: boolean;
}

function emptyRevs(): FieldRevs {
  const r = {} as FieldRevs;
  for (const f of SNAPSHOT_FIELDS) r[f] = -1;
  return r;
}

/** `you` as the snapshot says, or nobody for a screen's snapshot. */
function youOf(s: Snapshot): You {
  if (!s.you) return { participantId: '', name: '', isHost: false, resumeToken: '', votes: {} };
  return { ...s.you, votes: { ...(s.you.votes ?? {}) } };
}

/** The state right after a join (or any snapshot when there was none). */
export function fromSnapshot(s: Snapshot): JamState {
  const fieldRevs = emptyRevs();
  for (const f of SNAPSHOT_FIELDS) fieldRevs[f] = s.rev;
  return {
    code: s.code,
    hostId: s.hostId,
    participants: s.participants,
    queue: s.queue,
    current: s.current,
    playback: s.playback,
    settings: s.settings,
    history: s.history,
    skipVotes: s.skipVotes,
    you: youOf(s),
    fieldRevs,
    knownRev: s.rev,
    aheadRevs: [],
    recentEvents: [],
    joinRev: s.rev,
  };
}

function advance(knownRev: number, ahead: number[]): { knownRev: number; aheadRevs: number[] } {
  let k = knownRev;
  const rest = [...new Set(ahead)].filter((r) => r > k).sort((a, b) => a - b);
  while (rest.length > 0 && rest[0] === k + 1) {
    k = rest.shift()!;
  }
  return { knownRev: k, aheadRevs: rest };
}

/**
 * Applies a snapshot over an existing state: each field is taken unless an event already
 * applied a newer value of it (a snapshot is a consistent view at its rev).
 */
export function applySnapshot(state: JamState | null, s: Snapshot): JamState {
  if (!state || state.code !== s.code) return fromSnapshot(s);
  const next: JamState = { ...state, fieldRevs: { ...state.fieldRevs } };
  for (const f of SNAPSHOT_FIELDS) {
    if (s.rev >= next.fieldRevs[f]) {
      (next as unknown as Record<string, unknown>)[f] = s[f];
      next.fieldRevs[f] = s.rev;
    }
  }
  // `you` is authoritative as of the snapshot: the token and the votes recorded server-side.
  next.you = youOf(s);
  const adv = advance(Math.max(state.knownRev, s.rev), state.aheadRevs);
  next.knownRev = adv.knownRev;
  next.aheadRevs = adv.aheadRevs;
  return next;
}

/** Applies one event by the per-field rev rule. */
export function applyEvent(state: JamState, e: JamEvent): ApplyResult {
  const applied: SnapshotField[] = [];
  const next: JamState = { ...state, fieldRevs: { ...state.fieldRevs } };
  const data = (e.data ?? {}) as Record<string, unknown>;
  for (const f of SNAPSHOT_FIELDS) {
    if (!(f in data)) continue;
    if (e.rev > next.fieldRevs[f]) {
      (next as unknown as Record<string, unknown>)[f] = data[f];
      next.fieldRevs[f] = e.rev;
      applied.push(f);
    }
  }
  const key = `${e.rev}:${e.type}`;
  const seenBefore = state.recentEvents.includes(key);
  next.recentEvents = seenBefore ? state.recentEvents : [...state.recentEvents, key].slice(-RECENT_EVENTS);
  // A coalesced event names the revs it replaced (docs/PROTOCOL.md §9): seen, not a gap.
  const revs = [e.rev, ...(e.merges ?? [])];
  const adv = e.rev > state.knownRev ? advance(state.knownRev, [...state.aheadRevs, ...revs]) : state;
  next.knownRev = adv.knownRev;
  next.aheadRevs = adv.aheadRevs;
  if (applied.includes('queue') || applied.includes('current')) {
    next.you = pruneVotes(next.you, next);
  }
  return { state: next, applied, fresh: !seenBefore && e.rev > state.joinRev };
}

/** True while some rev between knownRev and the newest seen one has not arrived. */
export function hasGap(state: JamState): boolean {
  return state.aheadRevs.length > 0;
}

/** Records this participant's own vote after a successful jam.vote reply. */
export function recordVote(state: JamState, itemId: string, value: VoteValue | 0): JamState {
  const votes = { ...state.you.votes };
  if (value === 0) delete votes[itemId];
  else votes[itemId] = value;
  return { ...state, you: { ...state.you, votes } };
}

function pruneVotes(you: You, s: Pick<JamState, 'queue' | 'current'>): You {
  const live = new Set(s.queue.map((i) => i.id));
  if (s.current) live.add(s.current.id);
  let changed = false;
  const votes: Record<string, VoteValue> = {};
  for (const [id, v] of Object.entries(you.votes)) {
    if (live.has(id)) votes[id] = v;
    else changed = true;
  }
  return changed ? { ...you, votes } : you;
}

/** The host is whoever hostId names (events keep it current; you.isHost only at snapshot time). */
export function isHost(state: JamState): boolean {
  return state.hostId === state.you.participantId;
}

export function canControlPlayback(state: JamState): boolean {
  return isHost(state) || state.settings.guestsControlPlayback;
}

export function canRemove(state: JamState, addedById: string): boolean {
  return isHost(state) || addedById === state.you.participantId;
}

/** False once this participant is no longer in the jam's participant list (kicked, timed out). */
export function stillMember(state: JamState): boolean {
  return state.participants.some((p) => p.id === state.you.participantId);
}
