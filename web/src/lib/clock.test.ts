import { describe, expect, it } from 'vitest';
import { ClockEstimator, makeSample, sampleClock } from './clock';

describe('clock offset estimation', () => {
  it('computes offset from the midpoint of the round trip', () => {
    const s = makeSample(1000, 5050, 1100);
    expect(s.rtt).toBe(100);
    expect(s.offset).toBe(5050 - 1050);
  });

  it('takes the middle of the intersection of the samples\' offset intervals', () => {
    const c = new ClockEstimator();
    // True offset +4000. Each sample bounds it by [serverTime − t1, serverTime − t0].
    c.add(0, 4000 + 10, 400); // fast request, slow reply: [3610, 4010]
    c.add(1000, 5000 + 190, 1200); // slow request, fast reply: [3990, 4190]
    expect(c.bounds()).toEqual({ lo: 3990, hi: 4010 });
    expect(c.offset()).toBe(4000);
    expect(c.uncertainty()).toBe(10);
    expect(c.serverNow(3000)).toBe(7000);
  });

  it('bounds the offset at least as tightly as the lowest-round-trip sample, and is closer on average', () => {
    // Delays drawn like the e2e's delaying proxy (60–150 ms each way), true offset −1300.
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let [sumErr, sumBestErr] = [0, 0];
    for (let trial = 0; trial < 50; trial++) {
      const c = new ClockEstimator();
      let bestRtt = Infinity;
      let bestErr = 0;
      for (let i = 0; i < 15; i++) {
        const t0 = trial * 10_000 + i * 250;
        const up = 60 + rnd() * 90;
        const down = 60 + rnd() * 90;
        const s = c.add(t0, t0 + up - 1300, t0 + up + down)!;
        if (s.rtt < bestRtt) [bestRtt, bestErr] = [s.rtt, Math.abs(s.offset + 1300)];
      }
      const err = Math.abs(c.offset() + 1300);
      expect(c.uncertainty()).toBeLessThanOrEqual(bestRtt / 2 + 1e-9);
      expect(err).toBeLessThanOrEqual(c.uncertainty());
      sumErr += err;
      sumBestErr += bestErr;
    }
    // On average a few ms off, a fraction of the lowest-round-trip sample's error.
    expect(sumErr / 50).toBeLessThan(5);
    expect(sumErr).toBeLessThan(sumBestErr / 2);
  });

  it('drops the oldest samples when the local clock stepped', () => {
    const c = new ClockEstimator();
    c.add(0, 1005, 10); // offset in [995, 1005]
    c.add(100, 1105, 110);
    c.add(200, 700, 210); // the local clock jumped 400 ms ahead: [490, 500]
    expect(c.sampleCount).toBe(1);
    expect(c.samplesTaken).toBe(3);
    expect(c.offset()).toBe(495);
  });

  it('ages samples out so the estimate can follow a changed clock', () => {
    const c = new ClockEstimator({ maxAgeMs: 1000 });
    c.add(0, 100, 2); // rtt 2, offset 99
    c.add(5000, 5300, 5050); // rtt 50, offset 275: the only recent one
    expect(c.offset()).toBe(275);
    expect(c.sampleCount).toBe(1);
  });

  it('caps the number of samples', () => {
    const c = new ClockEstimator({ maxSamples: 3 });
    for (let i = 0; i < 10; i++) c.add(i * 10, i * 10 + 500, i * 10 + 4);
    expect(c.sampleCount).toBe(3);
  });

  it('ignores impossible samples', () => {
    const c = new ClockEstimator();
    expect(c.add(10, 100, 5)).toBeNull();
    expect(c.add(10, Number.NaN, 20)).toBeNull();
    expect(c.hasEstimate).toBe(false);
    expect(c.offset()).toBe(0);
  });

  it('sampleClock takes several samples through a request function', async () => {
    let local = 0;
    const now = () => local;
    const rtts = [80, 12, 40, 30];
    let i = 0;
    const c = new ClockEstimator();
    await sampleClock(
      c,
      async () => {
        const rtt = rtts[i++];
        local += rtt / 2;
        const server = local + 10_000;
        local += rtt / 2;
        return server;
      },
      now,
      4,
      0,
    );
    expect(c.sampleCount).toBe(4);
    expect(c.offset()).toBe(10_000);
    expect(c.uncertainty()).toBe(6); // the 12 ms round trip bounds it best
  });
});
