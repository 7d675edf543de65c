// NTP-style estimate of the server clock from jam.time samples, framework-free.
//
// A sample is (t0 = local send time, serverTime, t1 = local receive time). Its round trip is
// t1 - t0 and, assuming a symmetric path, the server read its clock at (t0 + t1) / 2, so
// offset = serverTime - (t0 + t1) / 2. The sample with the smallest round trip bounds the
// error best (|error| <= rtt / 2), so that one is kept. Samples age out so the estimate can
// follow a clock that drifts or steps.

export interface ClockSample {
  t0: number;
  t1: number;
  serverTime: number;
  rtt: number;
  offset: number;
}

export function makeSample(t0: number, serverTime: number, t1: number): ClockSample {
  const rtt = Math.max(0, t1 - t0);
  return { t0, t1, serverTime, rtt, offset: serverTime - (t0 + t1) / 2 };
}

export interface ClockOptions {
  /** Samples older than this (local ms) are dropped when newer ones exist. */
  maxAgeMs?: number;
  /** At most this many samples are kept. */
  maxSamples?: number;
}

export class ClockEstimator {
  private samples: ClockSample[] = [];
  private readonly maxAgeMs: number;
  private readonly maxSamples: number;

  constructor(opts: ClockOptions = {}) {
    this.maxAgeMs = opts.maxAgeMs ?? 5 * 60_000;
    this.maxSamples = opts.maxSamples ?? 32;
  }

  /** Adds a sample; returns it. Negative or absurd round trips are ignored. */
  add(t0: number, serverTime: number, t1: number): ClockSample | null {
    if (!Number.isFinite(serverTime) || t1 < t0) return null;
    const s = makeSample(t0, serverTime, t1);
    this.samples.push(s);
    this.prune(t1);
    return s;
  }

  private prune(now: number): void {
    const fresh = this.samples.filter((s) => now - s.t1 <= this.maxAgeMs);
    // Never drop to nothing: keep the newest when all are old.
    this.samples = fresh.length > 0 ? fresh : this.samples.slice(-1);
    if (this.samples.length > this.maxSamples) {
      this.samples = this.samples.slice(-this.maxSamples);
    }
  }

  /** The kept sample: the lowest round trip among the recent ones, or null before any. */
  best(): ClockSample | null {
    let b: ClockSample | null = null;
    for (const s of this.samples) {
      if (!b || s.rtt < b.rtt || (s.rtt === b.rtt && s.t1 > b.t1)) b = s;
    }
    return b;
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  get hasEstimate(): boolean {
    return this.samples.length > 0;
  }

  /** Server minus local clock, in ms (0 before the first sample). */
  offset(): number {
    return this.best()?.offset ?? 0;
  }

  /** Half the best round trip: a bound on the offset's error. */
  uncertainty(): number {
    const b = this.best();
    return b ? b.rtt / 2 : Number.POSITIVE_INFINITY;
  }

  serverNow(localNow: number): number {
    return localNow + this.offset();
  }
}

/** Takes `count` samples one after another through `ask` (which returns serverTime). */
export async function sampleClock(
  clock: ClockEstimator,
  ask: () => Promise<number>,
  now: () => number,
  count: number,
  gapMs = 50,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const t0 = now();
    const serverTime = await ask();
    const t1 = now();
    clock.add(t0, serverTime, t1);
    if (gapMs > 0 && i < count - 1) await new Promise((r) => setTimeout(r, gapMs));
  }
}
