// Polls GET /api/status for the status page: a sample every `intervalMs` into a window of
// points, the operator's token (sessionStorage) when the server wants one, Retry-After on
// 429, a growing pause after errors. Framework-free; the page subscribes to it.

import { addSample, emptyWindow, type SampleWindow } from '../lib/statusSamples';
import type { StatusResult } from './api';

export type StatusPhase = 'loading' | 'live' | 'needs-token' | 'rate-limited' | 'error' | 'paused';

export interface StatusView {
  phase: StatusPhase;
  window: SampleWindow;
  /** Why the last poll failed, in words; null while all is well. */
  message: string | null;
  /** The token presented was refused (it has been forgotten). */
  tokenRejected: boolean;
  hasToken: boolean;
  /** Client time of the last good answer. */
  lastOkAt: number | null;
  /** Client time of the next poll, when one is scheduled. */
  nextAt: number | null;
}

export interface StatusPollerOptions {
  fetch: (token: string | null, signal: AbortSignal) => Promise<StatusResult>;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  intervalMs?: number;
  /** A poll that has not answered by then is given up. */
  timeoutMs?: number;
  /** The longest pause after repeated errors. */
  maxBackoffMs?: number;
  capacity?: number;
  now?: () => number;
}

export const TOKEN_KEY = 'jam.adminToken';
export const POLL_INTERVAL_MS = 2000;

export class StatusPoller {
  private view: StatusView;
  private readonly listeners = new Set<() => void>();
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private controller: AbortController | null = null;
  private running = false;
  private generation = 0;
  private failures = 0;
  /** A token given while storage is blocked lives here. */
  private pendingToken: string | null = null;

  constructor(private readonly opts: StatusPollerOptions) {
    this.intervalMs = opts.intervalMs ?? POLL_INTERVAL_MS;
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 15_000;
    this.now = opts.now ?? Date.now;
    this.view = {
      phase: 'loading',
      window: emptyWindow(opts.capacity),
      message: null,
      tokenRejected: false,
      hasToken: this.token() !== null,
      lastOkAt: null,
      nextAt: null,
    };
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  };

  getView = (): StatusView => this.view;

  private set(patch: Partial<StatusView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }

  private token(): string | null {
    try {
      return this.opts.storage?.getItem(TOKEN_KEY) || null;
    } catch {
      return null;
    }
  }

  /** Starts (or resumes) polling at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.view.phase === 'needs-token') return; // waits for a token
    if (this.view.phase === 'paused') this.set({ phase: this.view.lastOkAt ? 'live' : 'loading' });
    void this.poll();
  }

  /** Stops polling (page hidden, unmounted); `start` resumes. */
  stop(paused = false): void {
    this.running = false;
    this.cancel();
    if (paused && this.view.phase !== 'needs-token') this.set({ phase: 'paused', nextAt: null });
  }

  /** Uses (and remembers for this tab) the operator's token, and polls with it at once. */
  setToken(token: string): void {
    const t = token.trim();
    if (!t) return;
    try {
      this.opts.storage?.setItem(TOKEN_KEY, t);
    } catch {
      /* storage blocked: this poll still uses it */
    }
    this.pendingToken = t;
    this.set({ hasToken: true, tokenRejected: false, phase: 'loading', message: null });
    this.failures = 0;
    if (this.running) void this.poll();
  }

  forgetToken(): void {
    try {
      this.opts.storage?.removeItem(TOKEN_KEY);
    } catch {
      /* nothing to forget */
    }
    this.pendingToken = null;
    this.set({ hasToken: false });
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.controller?.abort();
    this.controller = null;
    this.generation++;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    const d = Math.max(0, delayMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll();
    }, d);
    this.set({ nextAt: this.now() + d });
  }

  private async poll(): Promise<void> {
    if (!this.running) return;
    this.cancel();
    const gen = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    const startedAt = this.now();
    const timeout = setTimeout(() => controller.abort(), this.timeoutMs);
    const token = this.token() ?? this.pendingToken;
    let res: StatusResult;
    try {
      res = await this.opts.fetch(token, controller.signal);
    } catch {
      res = { kind: 'error', message: controller.signal.aborted ? 'The server did not answer in time' : 'Could not reach the server' };
    } finally {
      clearTimeout(timeout);
    }
    if (gen !== this.generation || !this.running) return; // stopped, or overtaken
    this.controller = null;
    // Start-to-start: one sample every interval, however long the answer took.
    const nextIn = (ms: number) => ms - (this.now() - startedAt);
    switch (res.kind) {
      case 'ok':
        this.failures = 0;
        this.set({
          phase: 'live',
          window: addSample(this.view.window, res.data, this.now()),
          message: null,
          lastOkAt: this.now(),
        });
        this.schedule(nextIn(this.intervalMs));
        break;
      case 'forbidden':
        if (token) {
          this.forgetToken();
          this.set({ tokenRejected: true });
        }
        this.set({ phase: 'needs-token', message: res.message, nextAt: null });
        break; // no more polls until a token is given
      case 'rate-limited':
        this.set({ phase: 'rate-limited', message: res.message });
        this.schedule(Math.max(res.retryAfterMs, nextIn(this.intervalMs)));
        break;
      case 'error': {
        this.failures++;
        this.set({ phase: 'error', message: res.message });
        const backoff = Math.min(this.maxBackoffMs, this.intervalMs * 2 ** Math.min(this.failures - 1, 10));
        this.schedule(nextIn(backoff));
        break;
      }
    }
  }
}
