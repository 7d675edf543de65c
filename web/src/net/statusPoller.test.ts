import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatusData } from '../lib/statusSamples';
import { MemStorage } from '../test/fixtures';
import type { StatusResult } from './api';
import { StatusPoller, TOKEN_KEY } from './statusPoller';

const data = (messagesIn: number): StatusData => ({
  serverTime: Date.now(),
  jams: { jams: 1, participants: 3, connectedParticipants: 3, queuedSongs: 2, playingJams: 1 },
  connections: 3,
  messagesIn,
  messagesOut: messagesIn * 2,
  broadcastLatencyMs: { count: 4, p50: 1, p95: 2, p99: 3 },
});

function setup(answer: (token: string | null, n: number) => StatusResult) {
  const calls: (string | null)[] = [];
  const storage = new MemStorage();
  const poller = new StatusPoller({
    fetch: async (token) => {
      calls.push(token);
      return answer(token, calls.length);
    },
    storage,
    intervalMs: 2000,
  });
  return { poller, calls, storage };
}

describe('StatusPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('samples every 2 s and computes the message rate', async () => {
    const { poller, calls } = setup((_, n) => ({ kind: 'ok', data: data(n * 100) }));
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(poller.getView().phase).toBe('live');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
    const pts = poller.getView().window.points;
    expect(pts).toHaveLength(2);
    expect(pts[1].inPerSec).toBe(50);
    expect(pts[1].outPerSec).toBe(100);
    poller.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2);
  });

  it('asks for the token on 403, then polls with it and keeps it for the tab', async () => {
    const { poller, calls, storage } = setup((token) =>
      token === 's3cret' ? { kind: 'ok', data: data(1) } : { kind: 'forbidden', message: 'The status page needs the admin token' },
    );
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(poller.getView()).toMatchObject({ phase: 'needs-token', tokenRejected: false, hasToken: false });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual([null]); // no polling without a token
    poller.setToken(' s3cret ');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([null, 's3cret']);
    expect(poller.getView().phase).toBe('live');
    expect(storage.getItem(TOKEN_KEY)).toBe('s3cret');
    poller.stop();
  });

  it('forgets a refused token and says so', async () => {
    const { poller, storage } = setup(() => ({ kind: 'forbidden', message: 'no' }));
    storage.setItem(TOKEN_KEY, 'old');
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(poller.getView()).toMatchObject({ phase: 'needs-token', tokenRejected: true, hasToken: false });
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    poller.stop();
  });

  it('waits Retry-After when rate limited, and backs off after errors while keeping the last numbers', async () => {
    const answers: (StatusResult | null)[] = [
      null,
      { kind: 'rate-limited', retryAfterMs: 7000, message: 'Too many requests' },
      { kind: 'error', message: 'Could not reach the server' },
      { kind: 'error', message: 'Could not reach the server' },
    ];
    const { poller, calls } = setup((_, n) => answers[n - 1] ?? { kind: 'ok', data: data(n) });
    poller.start();
    await vi.advanceTimersByTimeAsync(2000); // 1: ok, 2: rate limited
    expect(calls).toHaveLength(2);
    expect(poller.getView().phase).toBe('rate-limited');
    await vi.advanceTimersByTimeAsync(6900);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100); // 3: error
    expect(calls).toHaveLength(3);
    expect(poller.getView()).toMatchObject({ phase: 'error', message: 'Could not reach the server' });
    expect(poller.getView().window.points).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000); // 4: error again, then a 4 s pause
    expect(calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(3900);
    expect(calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(100); // 5: ok
    expect(poller.getView().phase).toBe('live');
    expect(poller.getView().window.points).toHaveLength(2);
    poller.stop();
  });

  it('pauses while hidden and resumes with a fresh sample', async () => {
    const { poller, calls } = setup((_, n) => ({ kind: 'ok', data: data(n) }));
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    poller.stop(true);
    expect(poller.getView().phase).toBe('paused');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toHaveLength(1);
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(poller.getView().phase).toBe('live');
    poller.stop();
  });
});
