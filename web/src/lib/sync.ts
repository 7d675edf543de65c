// Where the shared song should be now, and how to steer a local player toward it.
// Framework-free: the audio element is driven by src/audio/jamAudio.ts using these.

import type { Playback } from './types';

/**
 * PROTOCOL §6: while playing, position now = positionMs + (serverNow − updatedAt); an
 * `updatedAt` in the future is a scheduled start, and the position holds until then.
 */
export function expectedPositionMs(playback: Playback, serverNow: number, durationMs?: number): number {
  let pos = playback.positionMs;
  if (playback.isPlaying) pos += Math.max(0, serverNow - playback.updatedAt);
  pos = Math.max(0, pos);
  if (durationMs !== undefined && durationMs > 0) pos = Math.min(pos, durationMs);
  return pos;
}

export interface SteerOptions {
  /** Below this absolute drift nothing is corrected (ms). */
  deadbandMs: number;
  /** Above this absolute drift the player seeks instead of nudging its rate (ms). */
  seekThresholdMs: number;
  /** The rate correction removes drift over about this long (ms). */
  correctionWindowMs: number;
  /** The largest rate change, as a fraction of 1 (0.1 means 0.9..1.1). */
  maxRateDelta: number;
  /** Added to a seek target to cover the time the seek itself takes (ms). */
  seekLeadMs: number;
}

/** Server ms until a scheduled start (§6), or 0 when playback is not waiting for one. */
export function startDelayMs(playback: Playback, serverNow: number): number {
  return playback.isPlaying ? Math.max(0, playback.updatedAt - serverNow) : 0;
}

/**
 * The same trajectory as a start scheduled at `atServerMs` (§6): it holds until then, and from
 * then on gives the same position as `playback`. A player that starts mid-song (a reload, a new
 * page) plays through this, so it starts at an instant, like every other page, instead of
 * playing at once from a seek and correcting afterwards.
 */
export function startingAt(playback: Playback, atServerMs: number, durationMs?: number): Playback {
  return { isPlaying: true, positionMs: expectedPositionMs(playback, atServerMs, durationMs), updatedAt: atServerMs };
}

/** Two playback states that say the same (the server sends one again on a resync). */
export function samePlayback(a: Playback | null, b: Playback): boolean {
  return a !== null && a.isPlaying === b.isPlaying && a.positionMs === b.positionMs && a.updatedAt === b.updatedAt;
}

/**
 * The next lead for play() before a scheduled instant. Called `leadMs` before the instant (the
 * timer may fire late, so the actual lead), the player read `driftMs` on its first tick at
 * rate 1: it started after `leadMs − driftMs`, this device's start latency. The lead moves half
 * way there (one noisy reading does not swing it), within 0..maxLeadMs.
 */
export function nextPlayLead(currentLeadMs: number, actualLeadMs: number, driftMs: number, maxLeadMs = 300): number {
  const latency = actualLeadMs - driftMs;
  return clamp(Math.round((currentLeadMs + latency) / 2), 0, maxLeadMs);
}

/**
 * Tuned with a 100 ms tick on the latest reading, for a rate change that takes effect about
 * 200 ms after it is set (Chromium's audio renderer plays what it has buffered first): drift
 * under 200 ms closes by rate within a second without overshoot, and with no lag, or a longer
 * one, without oscillating (the simulation in sync.test.ts); more than that seeks. A slower
 * tick or a median of readings would add lag and overshoot.
 */
export const DEFAULT_STEER: SteerOptions = {
  deadbandMs: 3,
  seekThresholdMs: 200,
  correctionWindowMs: 500,
  maxRateDelta: 0.3,
  seekLeadMs: 0,
};

/** How many drift readings the player keeps: a seek needs their median over the threshold. */
export const DRIFT_WINDOW = 3;

/**
 * The drift to steer by: the median of the recent readings when it is past the seek threshold
 * (so one noisy reading never seeks), else the latest reading (the rate loop must not lag),
 * kept under the threshold.
 */
export function steeringDrift(readings: number[], seekThresholdMs: number): number {
  const m = median(readings);
  if (Math.abs(m) >= seekThresholdMs) return m;
  const below = seekThresholdMs - 1;
  return clamp(readings.at(-1) ?? 0, -below, below);
}

export type Steer =
  | { action: 'hold'; rate: 1; driftMs: number }
  | { action: 'nudge'; rate: number; driftMs: number }
  | { action: 'seek'; rate: 1; driftMs: number; toMs: number };

/**
 * Decides how to correct a player at `actualMs` whose target is `targetMs`.
 * drift > 0 means the player is ahead (it slows down); drift < 0 means behind (it speeds up).
 */
export function steer(actualMs: number, targetMs: number, opts: SteerOptions = DEFAULT_STEER): Steer {
  const driftMs = actualMs - targetMs;
  const abs = Math.abs(driftMs);
  if (abs >= opts.seekThresholdMs) {
    return { action: 'seek', rate: 1, driftMs, toMs: Math.max(0, targetMs + opts.seekLeadMs) };
  }
  if (abs <= opts.deadbandMs) {
    return { action: 'hold', rate: 1, driftMs };
  }
  const delta = clamp(driftMs / opts.correctionWindowMs, -opts.maxRateDelta, opts.maxRateDelta);
  return { action: 'nudge', rate: round4(1 - delta), driftMs };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Learns how long a seek takes to settle on this device: after a seek to X that lands at
 * actual Y (measured against the moving target), the lead is adjusted toward the error.
 */
export function nextSeekLead(currentLeadMs: number, driftAfterSeekMs: number, maxLeadMs = 400): number {
  // drift after a seek < 0: we ended behind, so aim further ahead next time.
  const lead = currentLeadMs - driftAfterSeekMs * 0.5;
  return clamp(Math.round(lead), 0, maxLeadMs);
}

/** Median of a small window of drift readings, to keep one noisy reading from seeking. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
