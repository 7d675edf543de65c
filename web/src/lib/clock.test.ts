import { describe, expect, it } from 'vitest';
import { ClockEstimator, makeSample, sampleClock } from './clock';

describe('clock offset estimation', () => {
  it('computes offset from the midpoint of the round trip', () => {
    const s = makeSample(1000, 5050, 1100);
    expect(s.rtt).toBe(100);
    expect(s.offset).toBe(5050 - 1050);
  });

  it('keeps the sample with the lowest round trip', () => {
    const c = new ClockEstimator();
    // true offset +4000; asymmetric slow samples are off, the fast one is close.
    c.add(0, 4000 + 150, 400); // rtt 400, offset 3950
    c.add(1000, 5000 + 6, 1010); // rtt 10, offset 4001
    c.add(2000, 6000 + 20, 2200); // rtt 200, offset 3920
    expect(c.best()!.rtt).toBe(10);
    expect(c.offset()).toBe(4001);
    expect(c.uncertainty()).toBe(5);
    expect(c.serverNow(3000)).toBe(7001);
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
    expect(c.best()!.rtt).toBe(12);
    expect(c.offset()).toBe(10_000);
  });
});
