import { describe, expect, it } from 'vitest';
import { DEFAULT_STEER, DRIFT_WINDOW, expectedPositionMs, median, nextPlayLead, nextSeekLead, samePlayback, startDelayMs, startingAt, steer, steeringDrift } from './sync';

describe('expected position (PROTOCOL §6)', () => {
  it('adds elapsed server time while playing', () => {
    expect(expectedPositionMs({ isPlaying: true, positionMs: 10_000, updatedAt: 1_000 }, 4_500)).toBe(13_500);
  });
  it('stays put while paused', () => {
    expect(expectedPositionMs({ isPlaying: false, positionMs: 10_000, updatedAt: 1_000 }, 99_000)).toBe(10_000);
  });
  it('clamps to the song', () => {
    expect(expectedPositionMs({ isPlaying: true, positionMs: 0, updatedAt: 0 }, 500_000, 180_000)).toBe(180_000);
    expect(expectedPositionMs({ isPlaying: true, positionMs: 0, updatedAt: 1000 }, 0)).toBe(0);
  });
});

describe('scheduled starts (PROTOCOL §6: updatedAt in the future)', () => {
  const pb = { isPlaying: true, positionMs: 30_000, updatedAt: 10_000 };
  it('holds positionMs until updatedAt, then runs', () => {
    expect(expectedPositionMs(pb, 9_600)).toBe(30_000);
    expect(expectedPositionMs(pb, 10_000)).toBe(30_000);
    expect(expectedPositionMs(pb, 10_250)).toBe(30_250);
  });
  it('says how long until the start', () => {
    expect(startDelayMs(pb, 9_600)).toBe(400);
    expect(startDelayMs(pb, 10_100)).toBe(0);
    expect(startDelayMs({ ...pb, isPlaying: false }, 9_600)).toBe(0);
  });
});

describe('a start planned by the player itself', () => {
  const pb = { isPlaying: true, positionMs: 30_000, updatedAt: 10_000 };
  it('holds until the instant, then follows the same trajectory', () => {
    const plan = startingAt(pb, 20_300);
    expect(plan).toEqual({ isPlaying: true, positionMs: 40_300, updatedAt: 20_300 });
    expect(expectedPositionMs(plan, 20_000)).toBe(40_300);
    for (const t of [20_300, 21_000, 50_000]) expect(expectedPositionMs(plan, t)).toBe(expectedPositionMs(pb, t));
  });
  it('tells a playback sent again from a new one', () => {
    expect(samePlayback(pb, { ...pb })).toBe(true);
    expect(samePlayback(pb, { ...pb, updatedAt: 10_001 })).toBe(false);
    expect(samePlayback(null, pb)).toBe(false);
  });
  it('learns the play lead from the start latency, half way each time', () => {
    // play() 30 ms ahead and 60 ms behind after: the device starts 90 ms after play().
    expect(nextPlayLead(30, 30, -60)).toBe(60);
    expect(nextPlayLead(60, 55, -35)).toBe(75);
    expect(nextPlayLead(90, 90, 0)).toBe(90); // settled
    expect(nextPlayLead(10, 0, 50)).toBe(0); // started early: less lead, never below 0
    expect(nextPlayLead(280, 280, -400)).toBe(300);
  });
});

describe('drift steering', () => {
  it('holds inside the deadband', () => {
    expect(steer(1003, 1000).action).toBe('hold');
    expect(steer(997, 1000)).toMatchObject({ action: 'hold', rate: 1 });
    expect(steer(1004, 1000).action).toBe('nudge');
  });

  it('nudges the rate for small drift: slower when ahead, faster when behind', () => {
    const ahead = steer(1100, 1000);
    expect(ahead.action).toBe('nudge');
    expect(ahead.rate).toBeLessThan(1);
    const behind = steer(900, 1000);
    expect(behind.action).toBe('nudge');
    expect(behind.rate).toBeGreaterThan(1);
    expect(ahead.rate + behind.rate).toBeCloseTo(2, 6);
  });

  it('the rate change grows with drift and is capped', () => {
    const a = steer(1030, 1000).rate;
    const b = steer(1150, 1000).rate;
    expect(1 - b).toBeGreaterThan(1 - a);
    const capped = steer(1000, 1000, { ...DEFAULT_STEER, correctionWindowMs: 100 });
    expect(capped.rate).toBe(1);
    const big = steer(1190, 1000, { ...DEFAULT_STEER, correctionWindowMs: 100 });
    expect(big.rate).toBeCloseTo(1 - DEFAULT_STEER.maxRateDelta, 6);
  });

  it('seeks for large drift, aiming ahead by the seek lead', () => {
    const s = steer(5000, 1000, { ...DEFAULT_STEER, seekLeadMs: 40 });
    expect(s).toMatchObject({ action: 'seek', rate: 1, toMs: 1040 });
    expect(steer(0, 1000).action).toBe('seek');
    expect(steer(800, 1000).action).toBe('seek'); // 200 ms behind: at the threshold
    expect(steer(801, 1000).action).toBe('nudge');
  });

  it('a nudge removes the drift over about the correction window', () => {
    // Simulate: player 190 ms ahead; 10 s of 200 ms ticks at the steered rate.
    let drift = 190;
    for (let t = 0; t < 50; t++) {
      const s = steer(1000 + drift, 1000);
      drift += (s.rate - 1) * 200;
    }
    expect(Math.abs(drift)).toBeLessThanOrEqual(DEFAULT_STEER.deadbandMs);
  });

  /**
   * The player's loop: a reading every 100 ms, steered by steeringDrift, and a rate that takes
   * effect `lagMs` after it is set (Chromium's renderer first plays what it has buffered, about
   * 200 ms). Returns when the drift was first within 20 ms, and the worst overshoot past zero.
   */
  function simulate(startMs: number, lagMs: number): { closedAt: number | null; overshoot: number; seeked: boolean } {
    let drift = startMs;
    const rates: Array<[number, number]> = [[Number.NEGATIVE_INFINITY, 1]];
    const readings: number[] = [];
    let closedAt: number | null = null;
    let overshoot = 0;
    let seeked = false;
    for (let t = 10; t <= 4000; t += 10) {
      const effective = rates.filter(([at]) => at + lagMs <= t).at(-1)![1];
      drift += (effective - 1) * 10;
      if (t % 100 === 0) {
        readings.push(drift);
        if (readings.length > DRIFT_WINDOW) readings.shift();
        const s = steer(1000 + steeringDrift(readings, DEFAULT_STEER.seekThresholdMs), 1000);
        if (s.action === 'seek') {
          seeked = true;
          drift = 0;
          readings.length = 0;
        }
        rates.push([t, s.rate]);
      }
      if (closedAt === null && Math.abs(drift) <= 20) closedAt = t;
      overshoot = Math.max(overshoot, -Math.sign(startMs) * drift);
    }
    return { closedAt, overshoot, seeked };
  }

  it('as the player runs it, 150–400 ms close in under a second without overshoot', () => {
    for (const start of [150, 199, -150, -199, 250, -400]) {
      const r = simulate(start, 200);
      expect(r.seeked, `from ${start} ms`).toBe(Math.abs(start) >= DEFAULT_STEER.seekThresholdMs);
      expect(r.closedAt!, `from ${start} ms`).toBeLessThan(1000);
      expect(r.overshoot, `from ${start} ms`).toBeLessThanOrEqual(5); // at most a few ms past zero
    }
  });

  it('does not oscillate when the rate acts at once, or later than expected', () => {
    for (const lag of [0, 100, 250]) {
      for (const start of [60, 150, 199, -199]) {
        const r = simulate(start, lag);
        expect(r.closedAt!, `from ${start} ms, lag ${lag}`).toBeLessThanOrEqual(1300);
        expect(r.overshoot, `from ${start} ms, lag ${lag}`).toBeLessThanOrEqual(20);
      }
    }
  });

  it('steers by the latest reading, and seeks only on the median', () => {
    expect(steeringDrift([10, 20, 30], 200)).toBe(30);
    expect(steeringDrift([10, 20, 900], 200)).toBe(199); // one wild reading: a nudge, no seek
    expect(steeringDrift([-900], 200)).toBe(-900); // the first after a start may seek
    expect(steeringDrift([250, 260, 240], 200)).toBe(250);
    expect(steeringDrift([], 200)).toBe(0);
  });

  it('learns a seek lead from where seeks land', () => {
    expect(nextSeekLead(0, -60)).toBe(30);
    expect(nextSeekLead(30, 20)).toBe(20);
    expect(nextSeekLead(10, 100)).toBe(0);
    expect(nextSeekLead(390, -100)).toBe(400);
  });

  it('median resists one outlier', () => {
    expect(median([10, 500, 12])).toBe(12);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});
