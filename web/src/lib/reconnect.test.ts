import { describe, expect, it } from 'vitest';
import { backoffMs, initialConn, MAX_JOIN_ATTEMPTS, step, type ConnState, type Effect, type Input } from './reconnect';

const session = { code: 'ABC123', resumeToken: 'tok', name: 'Bob' };

function run(inputs: Input[], from: ConnState = initialConn): { state: ConnState; effects: Effect[][] } {
  let state = from;
  const effects: Effect[][] = [];
  for (const i of inputs) {
    const t = step(state, i, 0.5);
    state = t.state;
    effects.push(t.effects);
  }
  return { state, effects };
}

const types = (es: Effect[]) => es.map((e) => e.type);

describe('reconnect state machine', () => {
  it('first join: open socket, send join, then joined', () => {
    const { state, effects } = run([
      { type: 'join', request: { code: 'ABC123', userName: 'Bob', hostToken: 'h' } },
      { type: 'socket-open' },
      { type: 'join-ok', session },
    ]);
    expect(types(effects[0])).toEqual(['cancel-retry', 'open-socket']);
    expect(effects[1]).toEqual([{ type: 'send-join', body: { code: 'ABC123', userName: 'Bob', hostToken: 'h' }, resume: false }]);
    expect(types(effects[2])).toEqual(['cancel-retry', 'save-session', 'joined']);
    expect(effects[2][2]).toEqual({ type: 'joined', resumed: false });
    expect(state.phase).toBe('joined');
    expect(state.session).toEqual(session);
  });

  it('a refused first join goes back to idle with the error', () => {
    const { state, effects } = run([
      { type: 'join', request: { code: 'ABC123', userName: 'Bob' } },
      { type: 'socket-open' },
      { type: 'join-failed', code: 'NOT_FOUND', message: 'No such jam' },
    ]);
    expect(state.phase).toBe('idle');
    expect(effects[2]).toEqual([{ type: 'join-error', code: 'NOT_FOUND', message: 'No such jam' }]);
  });

  it('a dropped connection reconnects and resumes with the token', () => {
    const joined: ConnState = { ...initialConn, phase: 'joined', socketOpen: true, session };
    const { state, effects } = run([{ type: 'socket-closed' }, { type: 'retry' }, { type: 'socket-open' }, { type: 'join-ok', session }], joined);
    expect(effects[0]).toEqual([{ type: 'schedule-retry', delayMs: 250 }]);
    expect(effects[1]).toEqual([{ type: 'open-socket' }]);
    expect(effects[2]).toEqual([{ type: 'send-join', body: { code: 'ABC123', userName: 'Bob', resumeToken: 'tok' }, resume: true }]);
    expect(effects[3][2]).toEqual({ type: 'joined', resumed: true });
    expect(state.phase).toBe('joined');
    expect(state.attempt).toBe(0);
  });

  it('backs off while the server stays away', () => {
    const joined: ConnState = { ...initialConn, phase: 'joined', socketOpen: true, session };
    const { state, effects } = run(
      [{ type: 'socket-closed' }, { type: 'retry' }, { type: 'socket-closed' }, { type: 'retry' }, { type: 'socket-closed' }],
      joined,
    );
    expect(effects[2]).toEqual([{ type: 'schedule-retry', delayMs: 500 }]);
    expect(effects[4]).toEqual([{ type: 'schedule-retry', delayMs: 1000 }]);
    expect(state.phase).toBe('reconnecting');
    expect(state.attempt).toBe(2);
  });

  it('a page reload resumes the stored session', () => {
    const { state, effects } = run([{ type: 'resume', session }, { type: 'socket-open' }]);
    expect(state.phase).toBe('reconnecting');
    expect(effects[0]).toEqual([{ type: 'open-socket' }]);
    expect(effects[1][0]).toMatchObject({ type: 'send-join', resume: true });
  });

  it('INVALID_TOKEN on resume falls back to the welcome screen with the code', () => {
    const { state, effects } = run([
      { type: 'resume', session },
      { type: 'socket-open' },
      { type: 'join-failed', code: 'INVALID_TOKEN', message: 'x' },
    ]);
    expect(state.phase).toBe('idle');
    expect(state.session).toBeNull();
    expect(effects[2]).toEqual([
      { type: 'cancel-retry' },
      { type: 'clear-session' },
      { type: 'to-welcome', code: 'ABC123', reason: 'INVALID_TOKEN' },
    ]);
  });

  it('a transient failure on resume is retried on the open socket', () => {
    const { state, effects } = run([
      { type: 'resume', session },
      { type: 'socket-open' },
      { type: 'join-failed', code: 'UNAVAILABLE', message: 'x' },
      { type: 'retry' },
    ]);
    expect(state.phase).toBe('reconnecting');
    expect(effects[2]).toEqual([{ type: 'schedule-retry', delayMs: 500 }]);
    expect(effects[3][0]).toMatchObject({ type: 'send-join', resume: true });
  });

  it('NOT_JOINED on a command resumes on the open socket', () => {
    const joined: ConnState = { ...initialConn, phase: 'joined', socketOpen: true, session };
    const { state, effects } = run([{ type: 'not-joined' }], joined);
    expect(state.phase).toBe('reconnecting');
    expect(effects[0][0]).toMatchObject({ type: 'send-join', resume: true });
  });

  it('leave sends leave-session and forgets the session', () => {
    const joined: ConnState = { ...initialConn, phase: 'joined', socketOpen: true, session };
    const { state, effects } = run([{ type: 'leave' }], joined);
    expect(types(effects[0])).toEqual(['cancel-retry', 'send-leave', 'clear-session']);
    expect(state).toMatchObject({ phase: 'idle', session: null });
    // a late close of the socket does not reconnect
    expect(run([{ type: 'socket-closed' }], state).effects[0]).toEqual([]);
  });

  it('being removed (kicked, jam ended) goes to the welcome screen', () => {
    const joined: ConnState = { ...initialConn, phase: 'joined', socketOpen: true, session };
    const { state, effects } = run([{ type: 'removed', reason: 'kicked' }], joined);
    expect(state.phase).toBe('idle');
    expect(effects[0]).toContainEqual({ type: 'to-welcome', code: 'ABC123', reason: 'kicked' });
  });

  it('a first join gives up after repeated connection failures', () => {
    let inputs: Input[] = [{ type: 'join', request: { code: 'ABC123', userName: 'Bob' } }];
    for (let i = 0; i < MAX_JOIN_ATTEMPTS; i++) inputs = [...inputs, { type: 'socket-closed' }, { type: 'retry' }];
    const { state, effects } = run(inputs);
    expect(state.phase).toBe('idle');
    expect(effects.flat().some((e) => e.type === 'join-error')).toBe(true);
  });

  it('a late join reply after leaving is ignored', () => {
    const { state, effects } = run([{ type: 'join-ok', session }]);
    expect(state.phase).toBe('idle');
    expect(effects[0]).toEqual([]);
  });

  it('backoff grows, is capped and jittered within ±20 %', () => {
    expect(backoffMs(0, 0.5)).toBe(250);
    expect(backoffMs(3, 0.5)).toBe(2000);
    expect(backoffMs(10, 0.5)).toBe(5000);
    expect(backoffMs(2, 0)).toBe(800);
    expect(backoffMs(2, 0.999)).toBeLessThanOrEqual(1200);
  });
});
