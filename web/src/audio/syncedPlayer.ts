// Drives one <audio> element to the jam's shared position. The math is in lib/sync.ts;
// this file only reads and writes the element. It never sends anything to the server:
// a client that buffers or falls behind corrects itself and affects nobody else.

import {
  DEFAULT_STEER,
  DRIFT_WINDOW,
  expectedPositionMs,
  nextPlayLead,
  nextSeekLead,
  samePlayback,
  startDelayMs,
  startingAt,
  steer,
  steeringDrift,
  type SteerOptions,
} from '../lib/sync';
import type { Playback, QueueItem } from '../lib/types';

/** How long after a start (or the end of buffering) the player counts as starting up. */
const STARTUP_MS = 2500;
/**
 * The drift above which a starting player seeks rather than nudging its rate. Scheduled starts
 * begin close; a seek in Chromium lands tens of ms off and costs a cooldown, the rate does not.
 */
const STARTUP_SEEK_MS = 150;
/** A page that starts mid-song schedules its start this far ahead: time for its seek to settle. */
const LOCAL_START_MS = 300;
/** Drift is read from this long after a start's instant on (ms). */
const START_SETTLE_MS = 150;
/** Where this device's learned play lead is kept, so a reloaded page starts as well as before. */
const PLAY_LEAD_KEY = 'jam.playLeadMs';

export interface SyncStatus {
  /** The browser refused to start audio without a user gesture. */
  blocked: boolean;
  /** Waiting for data (this client only). */
  buffering: boolean;
  /** Waiting for the first clock samples before starting (a reload or a new page). */
  waitingClock: boolean;
  /** Last measured drift, ms (positive: ahead). */
  driftMs: number;
  rate: number;
}

export class SyncedPlayer {
  private item: QueueItem | null = null;
  /** The server's playback as last given, and the one played: the same, or a local start plan. */
  private given: Playback | null = null;
  private playback: Playback | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private drifts: number[] = [];
  private seekLeadMs = 60;
  private cooldownUntil = 0;
  private justSeeked = false;
  /** How long before its instant a scheduled start called play(): its first reading teaches the lead. */
  private startedWithLeadMs: number | null = null;
  /** How long before a scheduled instant play() is called: this device's start latency, learned. */
  private playLeadMs = loadPlayLead();
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  /** What the browser says its audio output lags behind the media clock, ms (0 when unknown). */
  private readonly outputLatencyMs = reportedOutputLatencyMs();
  private playPending = false;
  /** Until then (performance.now ms) the player is starting up and seeks at a smaller drift. */
  private startupUntil = 0;
  status: SyncStatus = { blocked: false, buffering: false, waitingClock: false, driftMs: 0, rate: 1 };

  constructor(
    private readonly audio: HTMLAudioElement,
    private readonly serverNow: () => number,
    private readonly onStatus: (s: SyncStatus) => void,
    /** True once the clock offset is measured: before that the shared position is a guess. */
    private readonly clockReady: () => boolean,
    private readonly opts: SteerOptions = DEFAULT_STEER,
    private readonly tickMs = 100,
  ) {
    audio.preload = 'auto';
    audio.addEventListener('waiting', this.onBuffering);
    audio.addEventListener('playing', this.onPlaying);
    audio.addEventListener('canplay', this.onPlaying);
    audio.addEventListener('seeked', this.onSeeked);
  }

  start(): void {
    if (!this.timer) this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.cancelStart();
    this.audio.removeEventListener('waiting', this.onBuffering);
    this.audio.removeEventListener('playing', this.onPlaying);
    this.audio.removeEventListener('canplay', this.onPlaying);
    this.audio.removeEventListener('seeked', this.onSeeked);
    this.audio.pause();
  }

  /** The jam's current item and playback, whenever they change. */
  update(item: QueueItem | null, playback: Playback): void {
    const changed = item?.id !== this.item?.id;
    // The same playback again (a resync): keep the start that is on its way.
    if (!changed && samePlayback(this.given, playback)) return;
    this.item = item;
    this.given = playback;
    this.playback = playback;
    this.startedWithLeadMs = null;
    this.cancelStart();
    if (changed) {
      this.drifts = [];
      if (!item) {
        this.audio.pause();
        this.audio.removeAttribute('src');
        this.audio.load();
      } else {
        this.audio.src = item.song.audioUrl;
        this.audio.playbackRate = 1;
        // Before the clock is measured the target is a guess: the first tick after it seeks.
        if (this.clockReady()) this.seekTo(this.target());
      }
    }
    this.tick();
  }

  /** Call from a click: the user's gesture lets the browser start audio. */
  unlock(): void {
    this.setStatus({ blocked: false });
    this.seekTo(this.target());
    this.play();
  }

  private onBuffering = () => this.setStatus({ buffering: true });
  private onPlaying = () => {
    if (this.status.buffering) this.startupUntil = performance.now() + STARTUP_MS;
    this.setStatus({ buffering: false });
  };
  private onSeeked = () => {
    this.justSeeked = true;
  };

  private setStatus(patch: Partial<SyncStatus>): void {
    const next = { ...this.status, ...patch };
    const same =
      next.blocked === this.status.blocked &&
      next.buffering === this.status.buffering &&
      next.waitingClock === this.status.waitingClock &&
      Math.round(next.driftMs) === Math.round(this.status.driftMs) &&
      next.rate === this.status.rate;
    this.status = next;
    if (!same) this.onStatus(next);
  }

  /** Where the media clock should be now: the shared position plus what the output lags. */
  private target(): number {
    if (!this.playback || !this.item) return 0;
    return expectedPositionMs(this.playback, this.serverNow(), this.item.song.durationMs) + this.outputLatencyMs;
  }

  private cancelStart(): void {
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = null;
  }

  /**
   * A start scheduled in the future (§6): wait paused at its position and call play() just
   * before the instant, so every page starts together instead of catching up afterwards.
   */
  private scheduleStart(delayMs: number): void {
    const a = this.audio;
    if (!a.paused) a.pause();
    a.playbackRate = 1;
    if (a.readyState >= 1 && !a.seeking && Math.abs(a.currentTime * 1000 - this.target()) > 5) this.seekTo(this.target());
    if (this.startTimer || this.status.blocked) return;
    this.startTimer = setTimeout(() => {
      this.startTimer = null;
      if (!this.playback?.isPlaying) return;
      const lead = startDelayMs(this.playback, this.serverNow());
      if (lead > this.playLeadMs + 20) return;
      this.startedWithLeadMs = lead;
      this.play();
    }, Math.max(0, delayMs - this.playLeadMs));
  }

  private seekTo(ms: number): void {
    try {
      this.audio.currentTime = ms / 1000;
      this.drifts = [];
    } catch {
      /* not seekable yet: the next tick retries */
    }
  }

  private play(): void {
    if (this.playPending) return;
    this.playPending = true;
    this.startupUntil = performance.now() + STARTUP_MS;
    this.audio.play().then(
      () => {
        this.playPending = false;
        this.setStatus({ blocked: false });
      },
      (err: unknown) => {
        this.playPending = false;
        if (err instanceof DOMException && err.name === 'NotAllowedError') this.setStatus({ blocked: true });
      },
    );
  }

  tick(): void {
    const a = this.audio;
    if (!this.item || !this.playback) return;
    const now = performance.now();
    const target = this.target();
    const durationMs = this.item.song.durationMs;

    if (!this.playback.isPlaying) {
      if (!a.paused) a.pause();
      if (a.readyState >= 1 && Math.abs(a.currentTime * 1000 - target) > 50 && !a.seeking) this.seekTo(target);
      a.playbackRate = 1;
      return;
    }
    if (target >= durationMs - 50) return; // the server advances to the next song
    if (!this.clockReady()) {
      // A reloaded page must not start on a guessed clock: it would play seconds off.
      if (!a.paused) a.pause();
      this.setStatus({ waitingClock: true });
      return;
    }
    if (this.status.waitingClock) this.setStatus({ waitingClock: false });
    const delay = startDelayMs(this.playback, this.serverNow());
    // Once play() is called for the instant just ahead, let it start (the reading waits below).
    if (delay > 0 && this.startedWithLeadMs === null) {
      this.scheduleStart(delay);
      return;
    }
    if (a.paused) {
      if (this.startTimer || this.playPending || this.status.blocked) return;
      // Starting mid-song: plan a start a moment ahead, held at its position until then.
      this.playback = startingAt(this.playback, this.serverNow() + LOCAL_START_MS, durationMs);
      this.scheduleStart(LOCAL_START_MS);
      return;
    }
    if (a.seeking || a.readyState < 3) return; // buffering: wait, then correct
    if (now < this.cooldownUntil) return;

    // Started just ahead of the instant, or only just after it: the media clock is not yet
    // running steadily (in Chromium it moves about 90 ms after play()), so a reading would lie.
    if (this.serverNow() - this.playback.updatedAt < START_SETTLE_MS) return;
    const drift = a.currentTime * 1000 - target;
    if (this.startedWithLeadMs !== null) {
      const lead = this.startedWithLeadMs;
      this.startedWithLeadMs = null;
      this.justSeeked = false;
      if (Math.abs(drift) < 400) {
        this.playLeadMs = nextPlayLead(this.playLeadMs, lead, drift);
        savePlayLead(this.playLeadMs);
      }
    } else if (this.justSeeked) {
      this.justSeeked = false;
      if (Math.abs(drift) < 400) this.seekLeadMs = nextSeekLead(this.seekLeadMs, drift);
    }
    this.drifts.push(drift);
    if (this.drifts.length > DRIFT_WINDOW) this.drifts.shift();
    // While starting (or after buffering) a seek is not heard as a glitch: correct sooner.
    const starting = now < this.startupUntil;
    const seekThresholdMs = starting ? Math.min(STARTUP_SEEK_MS, this.opts.seekThresholdMs) : this.opts.seekThresholdMs;
    const d = steeringDrift(this.drifts, seekThresholdMs);
    const s = steer(target + d, target, { ...this.opts, seekLeadMs: this.seekLeadMs, seekThresholdMs });
    if (s.action === 'seek') {
      a.playbackRate = 1;
      this.seekTo(s.toMs);
      this.cooldownUntil = now + 500;
    } else if (a.playbackRate !== s.rate) {
      a.playbackRate = s.rate;
    }
    this.setStatus({ driftMs: d, rate: s.rate });
    // Readable by tests and from the devtools.
    a.dataset.driftMs = d.toFixed(1);
    a.dataset.seekLeadMs = String(this.seekLeadMs);
    a.dataset.playLeadMs = String(this.playLeadMs);
  }
}

function loadPlayLead(): number {
  try {
    const v = Number(localStorage.getItem(PLAY_LEAD_KEY));
    return Number.isFinite(v) && v > 0 && v <= 300 ? v : 30;
  } catch {
    return 30; // storage unavailable: learn it again
  }
}

function savePlayLead(ms: number): void {
  try {
    localStorage.setItem(PLAY_LEAD_KEY, String(ms));
  } catch {
    /* not kept: learned again next time */
  }
}

/** AudioContext.outputLatency (or baseLatency) where the browser reports it, in ms. */
function reportedOutputLatencyMs(): number {
  try {
    const Ctx = window.AudioContext;
    if (!Ctx) return 0;
    const ctx = new Ctx();
    const s = ctx.outputLatency || ctx.baseLatency || 0;
    void ctx.close();
    return s > 0 && s < 0.5 ? s * 1000 : 0;
  } catch {
    return 0;
  }
}
