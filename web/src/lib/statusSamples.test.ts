import { describe, expect, it } from 'vitest';
import {
  addSample,
  counterRate,
  emptyWindow,
  latest,
  num,
  range,
  series,
  toPoint,
  type SampleWindow,
  type StatusData,
} from './statusSamples';

function status(serverTime: number, messagesIn: number, messagesOut: number, over: Partial<StatusData> = {}): StatusData {
  return {
    serverTime,
    jams: { jams: 2, participants: 5, connectedParticipants: 4, queuedSongs: 7, playingJams: 1 },
    connections: 4,
    messagesIn,
    messagesOut,
    broadcastLatencyMs: { count: 10, p50: 1.5, p95: 4, p99: 9 },
    ...over,
  };
}

describe('counterRate', () => {
  it('is the counter difference per second', () => {
    expect(counterRate(100, 160, 2000)).toBe(30);
    expect(counterRate(0, 1, 4000)).toBe(0.25);
    expect(counterRate(5, 5, 2000)).toBe(0);
  });

  it('is null without two values, without time moving forward, or across a long gap', () => {
    expect(counterRate(null, 10, 2000)).toBeNull();
    expect(counterRate(10, null, 2000)).toBeNull();
    expect(counterRate(10, 20, 0)).toBeNull();
    expect(counterRate(10, 20, -5)).toBeNull();
    expect(counterRate(10, 20, 20_000, 15_000)).toBeNull();
    expect(counterRate(10, 20, 15_000, 15_000)).toBeCloseTo(0.6667, 3);
  });

  it('is never negative: a counter that went down was reset (restart, another gateway)', () => {
    expect(counterRate(500, 20, 2000)).toBeNull();
  });
});

describe('the sample window', () => {
  it('the first sample has no rate; the next ones do, timed by the server clock', () => {
    let w = emptyWindow();
    w = addSample(w, status(10_000, 100, 300), 1);
    expect(w.points[0].inPerSec).toBeNull();
    expect(w.points[0].outPerSec).toBeNull();
    // The client received it late (slow network): the server's 2 s count, not the client's 3 s.
    w = addSample(w, status(12_000, 160, 400), 3002);
    expect(w.points[1].inPerSec).toBe(30);
    expect(w.points[1].outPerSec).toBe(50);
    w = addSample(w, status(14_000, 160, 400, { broadcastLatencyMs: { count: 30, p50: 2, p95: 5, p99: 8 } }), 5000);
    expect(w.points[2].inPerSec).toBe(0);
    expect(w.points[2].broadcastsPerSec).toBe(10);
    expect(series(w, 'inPerSec')).toEqual([null, 30, 0]);
  });

  it('falls back to the client clock when the server sends no time', () => {
    let w = emptyWindow();
    w = addSample(w, status(NaN, 0, 0), 1000);
    w = addSample(w, status(NaN, 10, 0), 3000);
    expect(w.points.map((p) => p.at)).toEqual([1000, 3000]);
    expect(w.points[1].inPerSec).toBe(5);
  });

  it('ignores a duplicate or an answer overtaken by a newer one', () => {
    let w = emptyWindow();
    w = addSample(w, status(10_000, 100, 100), 0);
    w = addSample(w, status(12_000, 140, 100), 0);
    const before = w;
    expect(addSample(w, status(12_000, 140, 100), 0)).toBe(before);
    expect(addSample(w, status(11_000, 120, 100), 0)).toBe(before);
  });

  it('a counter reset leaves a gap, and the rates resume from the new baseline', () => {
    let w = emptyWindow();
    w = addSample(w, status(0, 1000, 5000), 0);
    w = addSample(w, status(2000, 1100, 5200), 0);
    w = addSample(w, status(4000, 4, 6), 0); // the gateway restarted
    w = addSample(w, status(6000, 24, 46), 0);
    expect(series(w, 'inPerSec')).toEqual([null, 50, null, 10]);
    expect(series(w, 'outPerSec')).toEqual([null, 100, null, 20]);
  });

  it('after a long pause (tab hidden) the first rate is a gap, not an average', () => {
    let w = emptyWindow(60, 15_000);
    w = addSample(w, status(0, 0, 0), 0);
    w = addSample(w, status(60_000, 600, 600), 0);
    w = addSample(w, status(62_000, 620, 640), 0);
    expect(series(w, 'inPerSec')).toEqual([null, null, 10]);
  });

  it('keeps the last `capacity` points, oldest first', () => {
    let w: SampleWindow = emptyWindow(60);
    for (let i = 0; i < 75; i++) w = addSample(w, status(i * 2000, i * 10, i * 20), i);
    expect(w.points).toHaveLength(60);
    expect(w.points[0].at).toBe(15 * 2000);
    expect(w.points.at(-1)!.at).toBe(74 * 2000);
    // The oldest kept point still had its predecessor: its rate is known.
    expect(w.points[0].inPerSec).toBe(5);
    expect(series(w, 'outPerSec').every((r) => r === 10)).toBe(true);
  });

  it('normalises what the server may send: null jam totals, NaN, strings, no observations', () => {
    const p = toPoint(
      status(1000, 1, 2, {
        jams: null,
        connections: 'x' as unknown as number,
        broadcastLatencyMs: { count: 0, p50: 0, p95: 0, p99: 0 },
      }),
      0,
      null,
    );
    expect(p.jams).toBeNull();
    expect(p.participants).toBeNull();
    expect(p.connections).toBeNull();
    expect([p.p50, p.p95, p.p99]).toEqual([null, null, null]);
    expect(p.latencyCount).toBe(0);
    const q = toPoint(status(1000, 1, 2, { broadcastLatencyMs: { count: 3, p50: 'NaN' as unknown as number, p95: 2.5, p99: Infinity } }), 0, null);
    expect([q.p50, q.p95, q.p99]).toEqual([null, 2.5, null]);
    expect(num(Number.NaN)).toBeNull();
    expect(num(0)).toBe(0);
  });

  it('latest skips gaps; range ignores them', () => {
    let w = emptyWindow();
    w = addSample(w, status(0, 0, 0), 0);
    w = addSample(w, status(2000, 20, 0), 0);
    w = addSample(w, status(4000, 10, 0), 0); // reset: null rate
    expect(latest(w, 'inPerSec')).toBe(10);
    expect(latest(w, 'jams')).toBe(2);
    expect(range(series(w, 'inPerSec'))).toEqual({ min: 10, max: 10, last: null });
    expect(range([null, null])).toBeNull();
    expect(latest(emptyWindow(), 'jams')).toBeNull();
  });
});
