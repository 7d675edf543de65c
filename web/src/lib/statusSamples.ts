// The status page's numbers: successive GET /api/status answers become a window of points
// (the last ~60), with message rates computed from the cumulative counters. Framework-free.

/** `data` of GET /api/status, as the server sends it (numbers may be missing or not finite). */
export interface StatusData {
  serverTime?: number;
  jams?: {
    jams?: number;
    participants?: number;
    connectedParticipants?: number;
    queuedSongs?: number;
    playingJams?: number;
  } | null;
  connections?: number;
  /** Cumulative counters of this gateway since it started. */
  messagesIn?: number;
  messagesOut?: number;
  broadcastLatencyMs?: { count?: number; p50?: number; p95?: number; p99?: number } | null;
}

/** One sample, normalised: null where the server gave no usable number. */
export interface StatusPoint {
  /** Time of the sample: the server's clock when it sent one, else the client's. */
  at: number;
  jams: number | null;
  participants: number | null;
  connectedParticipants: number | null;
  queuedSongs: number | null;
  playingJams: number | null;
  connections: number | null;
  messagesIn: number | null;
  messagesOut: number | null;
  /** Messages per second since the previous sample; null for the first, after a counter reset or a gap. */
  inPerSec: number | null;
  outPerSec: number | null;
  /** Broadcasts (latency observations) per second, like the message rates. */
  broadcastsPerSec: number | null;
  latencyCount: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface SampleWindow {
  /** Oldest first, at most `capacity`. */
  points: StatusPoint[];
  capacity: number;
  /** Samples further apart than this get no rate (the chart shows a gap instead of an average). */
  maxGapMs: number;
}

export const DEFAULT_CAPACITY = 60;
export const DEFAULT_MAX_GAP_MS = 15_000;

export function emptyWindow(capacity = DEFAULT_CAPACITY, maxGapMs = DEFAULT_MAX_GAP_MS): SampleWindow {
  return { points: [], capacity: Math.max(1, capacity), maxGapMs };
}

/** A finite number, else null (the server may send "NaN" strings or nothing). */
export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The rate of a cumulative counter between two samples, per second. Null when either value is
 * missing, when time did not move forward, when the samples are too far apart, or when the
 * counter went down (the gateway restarted, or another gateway answered): never negative.
 */
export function counterRate(
  prev: number | null,
  cur: number | null,
  dtMs: number,
  maxGapMs = Number.POSITIVE_INFINITY,
): number | null {
  if (prev === null || cur === null) return null;
  if (!(dtMs > 0) || dtMs > maxGapMs) return null;
  const delta = cur - prev;
  if (delta < 0) return null;
  return (delta * 1000) / dtMs;
}

/** The point a status answer makes, given the one before it (for the rates). */
export function toPoint(data: StatusData, receivedAt: number, prev: StatusPoint | null, maxGapMs = DEFAULT_MAX_GAP_MS): StatusPoint {
  const at = num(data.serverTime) ?? receivedAt;
  const jams = data.jams ?? null;
  const lat = data.broadcastLatencyMs ?? null;
  const messagesIn = num(data.messagesIn);
  const messagesOut = num(data.messagesOut);
  const latencyCount = num(lat?.count);
  const dt = prev ? at - prev.at : 0;
  return {
    at,
    jams: num(jams?.jams),
    participants: num(jams?.participants),
    connectedParticipants: num(jams?.connectedParticipants),
    queuedSongs: num(jams?.queuedSongs),
    playingJams: num(jams?.playingJams),
    connections: num(data.connections),
    messagesIn,
    messagesOut,
    inPerSec: prev ? counterRate(prev.messagesIn, messagesIn, dt, maxGapMs) : null,
    outPerSec: prev ? counterRate(prev.messagesOut, messagesOut, dt, maxGapMs) : null,
    broadcastsPerSec: prev ? counterRate(prev.latencyCount, latencyCount, dt, maxGapMs) : null,
    latencyCount,
    // Percentiles over no observations say nothing.
    p50: latencyCount ? num(lat?.p50) : null,
    p95: latencyCount ? num(lat?.p95) : null,
    p99: latencyCount ? num(lat?.p99) : null,
  };
}

/**
 * Adds a status answer to the window. An answer that is not newer than the last point (a
 * duplicate, or a slow reply overtaken by a later one) is ignored; the window keeps the last
 * `capacity` points.
 */
export function addSample(w: SampleWindow, data: StatusData, receivedAt: number): SampleWindow {
  const prev = w.points.at(-1) ?? null;
  const point = toPoint(data, receivedAt, prev, w.maxGapMs);
  if (prev && point.at <= prev.at) return w;
  const points = [...w.points, point];
  return { ...w, points: points.length > w.capacity ? points.slice(points.length - w.capacity) : points };
}

export type NumericKey = {
  [K in keyof StatusPoint]: StatusPoint[K] extends number | null ? K : never;
}[keyof StatusPoint];

/** One field across the window, oldest first (nulls are gaps). */
export function series(w: SampleWindow, key: NumericKey): (number | null)[] {
  return w.points.map((p) => p[key] as number | null);
}

/** The newest non-null value of a field, or null. */
export function latest(w: SampleWindow, key: NumericKey): number | null {
  for (let i = w.points.length - 1; i >= 0; i--) {
    const v = w.points[i][key] as number | null;
    if (v !== null) return v;
  }
  return null;
}

/** Min, max and the last value of a series, ignoring gaps; null when it has no values. */
export function range(values: (number | null)[]): { min: number; max: number; last: number | null } | null {
  const vs = values.filter((v): v is number => v !== null);
  if (vs.length === 0) return null;
  return { min: Math.min(...vs), max: Math.max(...vs), last: values.at(-1) ?? null };
}
