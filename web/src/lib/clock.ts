// NTP-style estimate of the server clock from jam.time samples, framework-free.
//
// A sample is (t0 = local send time, serverTime, t1 = local receive time). Delays are never
// negative, so the server read its clock somewhere between t0 and t1: the offset (server minus
// local) lies in [serverTime − t1, serverTime − t0], an interval as wide as the round trip. The
// true offset is in every sample's interval, so it is in their intersection: its low end comes
// from the sample whose reply was fastest, its high end from the one whose request was, and on
// a jittery link that is far narrower than the single lowest-round-trip sample (which needs both
// legs fast at once). The estimate is the middle of the intersection. An empty intersection
// means the local clock drifted or stepped: the oldest samples go until the rest agree.

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
  private taken = 0;
  private readonly maxAgeMs: number;
  private readonly maxSamples: number;

  constructor(opts: ClockOptions = {}) {
    this.maxAgeMs = opts.maxAgeMs ?? 5 * 60_000;
    this.maxSamples = opts.maxSamples ?? 64; // about a minute of the liveness probe's samples
  }

  /** Adds a sample; returns it. Negative or absurd round trips are ignored. */
  add(t0: number, serverTime: number, t1: number): ClockSample | null {
    if (!Number.isFinite(serverTime) || t1 < t0) return null;
    const s = makeSample(t0, serverTime, t1);
    this.taken++;
    this.samples.push(s);
    this.prune(t1);
    while (this.samples.length > 1 && !this.bounds()) this.samples.shift();
    return s;
  }

  /** The intersection of the samples' offset intervals, or null when they disagree (or none). */
  bounds(): { lo: number; hi: number } | null {
    if (this.samples.length === 0) return null;
    let lo = Number.NEGATIVE_INFINITY;
    let hi = Number.POSITIVE_INFINITY;
    for (const s of this.samples) {
      lo = Math.max(lo, s.serverTime - s.t1);
      hi = Math.min(hi, s.serverTime - s.t0);
    }
    return lo <= hi ? { lo, hi } : null;
  }

  private prune(now: number): void {
    const fresh = this.samples.filter((s) => now - s.t1 <= this.maxAgeMs);
    // Never drop to nothing: keep the newest when all are old.
    this.samples = fresh.length > 0 ? fresh : this.samples.slice(-1);
    if (this.samples.length > this.maxSamples) {
      this.samples = this.samples.slice(-this.maxSamples);
    }
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  /** Samples added in all (kept or since dropped): how much measuring has been done. */
  get samplesTaken(): number {
    return this.taken;
  }

  get hasEstimate(): boolean {
    return this.samples.length > 0;
  }

  /** Server minus local clock, in ms: the middle of the intersection (0 before the first sample). */
  offset(): number {
    const b = this.bounds();
    return b ? (b.lo + b.hi) / 2 : 0;
  }

  /** Half the intersection's width: a bound on the offset's error. */
  uncertainty(): number {
    const b = this.bounds();
    return b ? (b.hi - b.lo) / 2 : Number.POSITIVE_INFINITY;
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
