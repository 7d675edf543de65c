// The connection and membership life cycle as a pure state machine: inputs (user actions,
// socket and reply outcomes, timers) go in, effects (open a socket, send a join, schedule a
// retry, ...) come out, and src/net/jamClient.ts carries them out. Framework-free.
//
//   idle ──join──▶ joining ──join-ok──▶ joined ──socket-closed──▶ reconnecting
//     ▲              │ refused                ▲                      │ socket-open: resume join
//     └──────────────┘                        └──────join-ok─────────┘
//   reconnecting ──INVALID_TOKEN / NOT_FOUND──▶ idle (welcome screen, code prefilled)

export interface StoredSession {
  code: string;
  resumeToken: string;
  name: string;
}

export type Phase = 'idle' | 'joining' | 'joined' | 'reconnecting';

export interface JoinRequest {
  code: string;
  userName: string;
  hostToken?: string;
}

export interface ConnState {
  phase: Phase;
  socketOpen: boolean;
  /** Consecutive failed attempts while joining or reconnecting. */
  attempt: number;
  /** The membership to resume; kept in sessionStorage by the client. */
  session: StoredSession | null;
  /** A first join (not a resume) in progress. */
  pending: JoinRequest | null;
}

export type Input =
  | { type: 'join'; request: JoinRequest }
  | { type: 'resume'; session: StoredSession }
  | { type: 'socket-open' }
  | { type: 'socket-closed' }
  | { type: 'join-ok'; session: StoredSession }
  | { type: 'join-failed'; code: string; message: string }
  | { type: 'retry' }
  | { type: 'not-joined' }
  | { type: 'leave' }
  | { type: 'removed'; reason: string };

export type JoinBody = { code: string; userName: string; hostToken?: string; resumeToken?: string };

export type Effect =
  | { type: 'open-socket' }
  | { type: 'close-socket' }
  | { type: 'send-join'; body: JoinBody; resume: boolean }
  | { type: 'schedule-retry'; delayMs: number }
  | { type: 'cancel-retry' }
  | { type: 'joined'; resumed: boolean }
  | { type: 'save-session'; session: StoredSession }
  | { type: 'clear-session' }
  | { type: 'send-leave' }
  | { type: 'to-welcome'; code: string; reason: string }
  | { type: 'join-error'; code: string; message: string };

export interface Transition {
  state: ConnState;
  effects: Effect[];
}

/** Codes after which a resume cannot succeed by trying again. */
export const RESUME_FATAL = new Set(['INVALID_TOKEN', 'NOT_FOUND', 'SESSION_FULL', 'INVALID_INPUT']);

/** Attempts of a first join after which it is given up. */
export const MAX_JOIN_ATTEMPTS = 3;

export const initialConn: ConnState = {
  phase: 'idle',
  socketOpen: false,
  attempt: 0,
  session: null,
  pending: null,
};

/** Exponential backoff with jitter: 250 ms, 500, 1 s, 2 s, capped at 5 s; random in [0, 1). */
export function backoffMs(attempt: number, random = 0.5, baseMs = 250, maxMs = 5000): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  const jitter = (random - 0.5) * 0.4 * raw; // ±20 %
  return Math.max(0, Math.round(raw + jitter));
}

function resumeBody(s: StoredSession): JoinBody {
  return { code: s.code, userName: s.name, resumeToken: s.resumeToken };
}

function joinBody(r: JoinRequest): JoinBody {
  const b: JoinBody = { code: r.code, userName: r.userName };
  if (r.hostToken) b.hostToken = r.hostToken;
  return b;
}

/** One step of the machine. `random` feeds the backoff jitter (tests pass a constant). */
/** The session is over for good (removed, or a resume the server refuses): forget it, say why. */
function backToWelcome(s: ConnState, code: string, reason: string): Transition {
  return {
    state: { ...s, phase: 'idle', attempt: 0, session: null, pending: null },
    effects: [{ type: 'cancel-retry' }, { type: 'clear-session' }, { type: 'to-welcome', code, reason }],
  };
}

export function step(s: ConnState, input: Input, random = Math.random()): Transition {
  switch (input.type) {
    case 'join': {
      const state: ConnState = { ...s, phase: 'joining', attempt: 0, pending: input.request };
      return {
        state,
        effects: [
          { type: 'cancel-retry' },
          s.socketOpen
            ? { type: 'send-join', body: joinBody(input.request), resume: false }
            : { type: 'open-socket' },
        ],
      };
    }
    case 'resume': {
      const state: ConnState = { ...s, phase: 'reconnecting', attempt: 0, session: input.session, pending: null };
      return {
        state,
        effects: [
          s.socketOpen
            ? { type: 'send-join', body: resumeBody(input.session), resume: true }
            : { type: 'open-socket' },
        ],
      };
    }
    case 'socket-open': {
      const state = { ...s, socketOpen: true };
      if (s.phase === 'joining' && s.pending) {
        return { state, effects: [{ type: 'send-join', body: joinBody(s.pending), resume: false }] };
      }
      if (s.phase === 'reconnecting' && s.session) {
        return { state, effects: [{ type: 'send-join', body: resumeBody(s.session), resume: true }] };
      }
      return { state, effects: [] };
    }
    case 'socket-closed': {
      const closed = { ...s, socketOpen: false };
      if (s.phase === 'joined') {
        return {
          state: { ...closed, phase: 'reconnecting', attempt: 0 },
          effects: [{ type: 'schedule-retry', delayMs: backoffMs(0, random) }],
        };
      }
      if (s.phase === 'reconnecting') {
        const attempt = s.attempt + 1;
        return {
          state: { ...closed, attempt },
          effects: [{ type: 'schedule-retry', delayMs: backoffMs(attempt, random) }],
        };
      }
      if (s.phase === 'joining') {
        const attempt = s.attempt + 1;
        if (attempt >= MAX_JOIN_ATTEMPTS) {
          return {
            state: { ...closed, phase: 'idle', attempt: 0, pending: null },
            effects: [{ type: 'join-error', code: 'DISCONNECTED', message: 'Could not reach the server.' }],
          };
        }
        return {
          state: { ...closed, attempt },
          effects: [{ type: 'schedule-retry', delayMs: backoffMs(attempt, random) }],
        };
      }
      return { state: closed, effects: [] };
    }
    case 'retry': {
      if (s.phase !== 'reconnecting' && s.phase !== 'joining') return { state: s, effects: [] };
      if (!s.socketOpen) return { state: s, effects: [{ type: 'open-socket' }] };
      if (s.phase === 'reconnecting' && s.session) {
        return { state: s, effects: [{ type: 'send-join', body: resumeBody(s.session), resume: true }] };
      }
      if (s.phase === 'joining' && s.pending) {
        return { state: s, effects: [{ type: 'send-join', body: joinBody(s.pending), resume: false }] };
      }
      return { state: s, effects: [] };
    }
    case 'join-ok': {
      if (s.phase !== 'joining' && s.phase !== 'reconnecting') return { state: s, effects: [] };
      const resumed = s.phase === 'reconnecting';
      return {
        state: { ...s, phase: 'joined', attempt: 0, session: input.session, pending: null },
        effects: [
          { type: 'cancel-retry' },
          { type: 'save-session', session: input.session },
          { type: 'joined', resumed },
        ],
      };
    }
    case 'join-failed': {
      if (s.phase === 'joining') {
        return {
          state: { ...s, phase: 'idle', attempt: 0, pending: null },
          effects: [{ type: 'join-error', code: input.code, message: input.message }],
        };
      }
      if (s.phase === 'reconnecting') {
        const code = s.session?.code ?? '';
        if (RESUME_FATAL.has(input.code)) return backToWelcome(s, code, input.code);
        const attempt = s.attempt + 1;
        return {
          state: { ...s, attempt },
          effects: [{ type: 'schedule-retry', delayMs: backoffMs(attempt, random) }],
        };
      }
      return { state: s, effects: [] };
    }
    case 'not-joined': {
      if (s.phase !== 'joined' || !s.session) return { state: s, effects: [] };
      return {
        state: { ...s, phase: 'reconnecting', attempt: 0 },
        effects: s.socketOpen
          ? [{ type: 'send-join', body: resumeBody(s.session), resume: true }]
          : [{ type: 'open-socket' }],
      };
    }
    case 'leave': {
      const effects: Effect[] = [{ type: 'cancel-retry' }];
      if (s.phase === 'joined' && s.socketOpen) effects.push({ type: 'send-leave' });
      effects.push({ type: 'clear-session' });
      return { state: { ...s, phase: 'idle', attempt: 0, session: null, pending: null }, effects };
    }
    case 'removed':
      return backToWelcome(s, s.session?.code ?? '', input.reason);
  }
}
