// The jam client: runs the reconnect state machine against a bridge connection, keeps the
// jam state by the rev rule, resyncs after gaps and reconnects, and keeps the clock offset.
// Framework-free; the UI subscribes to it (useSyncExternalStore) and calls its commands.

import { ClockEstimator, sampleClock } from '../lib/clock';
import { isOffline } from '../lib/connection';
import { errorMessage, welcomeReason } from '../lib/errors';
import {
  applyEvent,
  applySnapshot,
  fromSnapshot,
  hasGap,
  recordVote,
  stillMember,
  type JamState,
} from '../lib/jamState';
import {
  initialConn,
  step,
  type ConnState,
  type Effect,
  type Input,
  type JoinRequest,
  type StoredSession,
} from '../lib/reconnect';
import { isFresh, reactionFrom, ReactionLimiter, type Emoji, type Reaction } from '../lib/reactions';
import { newRequestId, withRequestId } from '../lib/requestId';
import {
  JamError,
  type JamEvent,
  type QueueItem,
  type Recommendation,
  type Settings,
  type SkipVotes,
  type Snapshot,
} from '../lib/types';
import type { Transport } from './bus';

export type NoticeKind = 'info' | 'error';
export interface Notice {
  kind: NoticeKind;
  text: string;
  code?: string;
}

export interface ClientView {
  conn: ConnState;
  jam: JamState | null;
  /** Set when the client fell back to the welcome screen (code to prefill, and why). */
  welcome: { code: string; reason: string } | null;
  /** The last refusal of a first join, for the form. */
  joinError: { code: string; message: string } | null;
  /** This participant's own skip vote for the current item id. */
  skipVotedFor: string | null;
  /** In a jam but not live (browser offline, probe unanswered, or rejoining): see lib/connection. */
  offline: boolean;
}

export interface JamClientOptions {
  connect: (cb: { onOpen(): void; onClose(): void }) => Transport;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  now?: () => number;
  random?: () => number;
  onNotice?: (n: Notice) => void;
  createJam?: (hostName: string) => Promise<{ sessionCode: string; hostToken: string }>;
  /** How long a rev gap may stay open before a jam.snapshot repairs it. */
  gapWaitMs?: number;
  clockRefreshMs?: number;
  /** How long a command waits for the jam to be joined again (reconnecting) before it fails. */
  rejoinWaitMs?: number;
  /** Resync anyway when no `subscribed` event (PROTOCOL §9) came this long after registering. */
  subscribeWaitMs?: number;
  /** Request ids of state-changing commands (tests pass a counter). */
  requestId?: () => string;
  /** Liveness probe period while joined. */
  probeMs?: number;
  /**
   * A screen (PROTOCOL §12: a TV) watches a jam instead of joining it: `watch(code)` sends
   * jam.watch, again after every reconnect; it has no `you` and is in no participant list.
   */
  screen?: boolean;
}

/** The clock samples a page takes before it starts playing (sent when the socket opens). */
export const CLOCK_READY_SAMPLES = 5;
/**
 * Between those samples' requests, ms. Sent in one burst they would travel as one packet and
 * bound the offset no better than one sample; spread out, each takes its own delays.
 */
const CLOCK_READY_GAP_MS = 40;

/** How long the liveness probe waits for its answer. */
const PROBE_TIMEOUT_MS = 2000;

/** Re-sends of one command after its reply was lost (a dropped socket, a timeout). */
const MAX_RESENDS = 2;

export const SESSION_KEY = 'jam.session';

const defaultNow = () =>
  typeof performance !== 'undefined' ? performance.timeOrigin + performance.now() : Date.now();

export class JamClient {
  private view: ClientView = { conn: initialConn, jam: null, welcome: null, joinError: null, skipVotedFor: null, offline: false };
  private browserOnline = true;
  private probeOk = true;
  /** Probes unanswered in a row: one shows the banner, two close the socket. */
  private probeMisses = 0;
  private probeTimer: ReturnType<typeof setInterval> | null = null;
  private probing = false;
  private clockWarming = false;
  private listeners = new Set<() => void>();
  private reactionListeners = new Set<(r: Reaction) => void>();
  private reactionSeq = 0;
  /** Our own reactions, so none is sent that the server's rate rule would refuse (§12). */
  private readonly reactionLimit = new ReactionLimiter();
  private transport: Transport | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private clockTimer: ReturnType<typeof setInterval> | null = null;
  private subscribeTimer: ReturnType<typeof setTimeout> | null = null;
  private joinSnapshot: Snapshot | null = null;
  readonly clock = new ClockEstimator();
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly gapWaitMs: number;
  private readonly clockRefreshMs: number;
  private readonly rejoinWaitMs: number;
  private readonly subscribeWaitMs: number;
  private readonly requestId: () => string;
  private readonly probeMs: number;

  constructor(private readonly opts: JamClientOptions) {
    this.now = opts.now ?? defaultNow;
    this.random = opts.random ?? Math.random;
    this.gapWaitMs = opts.gapWaitMs ?? 700;
    this.clockRefreshMs = opts.clockRefreshMs ?? 30_000;
    this.rejoinWaitMs = opts.rejoinWaitMs ?? 10_000;
    this.subscribeWaitMs = opts.subscribeWaitMs ?? 3_000;
    this.requestId = opts.requestId ?? (() => newRequestId());
    this.probeMs = opts.probeMs ?? 1000;
  }

  // ---- store API -------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): ClientView => this.view;

  /** Every fresh `reaction` of the jam (§12), the sender's own included. */
  onReaction = (listener: (r: Reaction) => void): (() => void) => {
    this.reactionListeners.add(listener);
    return () => this.reactionListeners.delete(listener);
  };

  private set(patch: Partial<ClientView>): void {
    const next = { ...this.view, ...patch };
    next.offline = isOffline({ browserOnline: this.browserOnline, probeOk: this.probeOk, phase: next.conn.phase });
    this.view = next;
    for (const l of this.listeners) l();
  }

  private notice(n: Notice): void {
    this.opts.onNotice?.(n);
  }

  serverNow(): number {
    return this.clock.serverNow(this.now());
  }

  /** The clock offset is measured: players may start (before, a reload would play seconds off). */
  clockReady(): boolean {
    return this.clock.samplesTaken >= CLOCK_READY_SAMPLES; // the count kept may shrink (lib/clock.ts)
  }

  /** The browser's online and offline events: offline shows at once, online probes at once. */
  setBrowserOnline(online: boolean): void {
    this.browserOnline = online;
    if (online) void this.probe();
    this.set({});
  }

  // ---- life cycle ------------------------------------------------------------------------

  /** Resumes the membership kept in sessionStorage (after a page reload); false when none. */
  resumeStored(): boolean {
    if (this.view.conn.phase !== 'idle') return this.view.conn.phase === 'reconnecting';
    const raw = this.opts.storage?.getItem(SESSION_KEY);
    if (!raw) return false;
    try {
      const s = JSON.parse(raw) as StoredSession;
      if (!s.code || !s.resumeToken) return false;
      this.dispatch({ type: 'resume', session: s });
      return true;
    } catch {
      return false;
    }
  }

  /** A screen starts watching `code` (reconnects watch it again). */
  watch(code: string): void {
    this.join({ code, userName: '' });
  }

  join(request: JoinRequest): void {
    this.set({ joinError: null, welcome: null });
    this.dispatch({ type: 'join', request });
  }

  async create(hostName: string): Promise<void> {
    if (!this.opts.createJam) throw new Error('createJam not configured');
    this.set({ joinError: null, welcome: null });
    try {
      const { sessionCode, hostToken } = await this.opts.createJam(hostName);
      this.dispatch({ type: 'join', request: { code: sessionCode, userName: hostName, hostToken } });
    } catch (e) {
      const err = asJamError(e);
      this.set({ joinError: { code: err.code, message: err.message } });
      this.notice({ kind: 'error', code: err.code, text: errorMessage(err.code, err.message) });
    }
  }

  leave(): void {
    this.dispatch({ type: 'leave' });
    this.set({ jam: null, skipVotedFor: null });
  }

  dismissWelcome(): void {
    this.set({ welcome: null });
  }

  /** Closes everything (tests, page unload). The stored session stays for a reload. */
  dispose(): void {
    this.clearTimers();
    this.transport?.close();
    this.transport = null;
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.gapTimer) clearTimeout(this.gapTimer);
    if (this.clockTimer) clearInterval(this.clockTimer);
    if (this.subscribeTimer) clearTimeout(this.subscribeTimer);
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.retryTimer = this.gapTimer = this.clockTimer = this.subscribeTimer = this.probeTimer = null;
  }

  private dispatch(input: Input): void {
    const { state, effects } = step(this.view.conn, input, this.random());
    this.set({ conn: state });
    for (const e of effects) this.run(e);
  }

  private run(e: Effect): void {
    switch (e.type) {
      case 'open-socket':
        this.openSocket();
        break;
      case 'close-socket':
        this.transport?.close();
        this.transport = null;
        break;
      case 'send-join':
        this.sendJoin(e.body, e.resume);
        break;
      case 'schedule-retry':
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.dispatch({ type: 'retry' });
        }, e.delayMs);
        break;
      case 'cancel-retry':
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = null;
        break;
      case 'joined':
        this.onJoined(e.resumed);
        break;
      case 'save-session':
        this.opts.storage?.setItem(SESSION_KEY, JSON.stringify(e.session));
        break;
      case 'clear-session':
        this.opts.storage?.removeItem(SESSION_KEY);
        if (this.gapTimer) clearTimeout(this.gapTimer);
        if (this.clockTimer) clearInterval(this.clockTimer);
        if (this.subscribeTimer) clearTimeout(this.subscribeTimer);
        if (this.probeTimer) clearInterval(this.probeTimer);
        this.gapTimer = this.clockTimer = this.subscribeTimer = this.probeTimer = null;
        break;
      case 'send-leave':
        this.transport?.request('jam.leave-session', withRequestId('jam.leave-session', {}, this.requestId)).catch(() => undefined);
        break;
      case 'to-welcome':
        this.set({ jam: null, welcome: { code: e.code, reason: e.reason }, skipVotedFor: null });
        this.notice({ kind: 'info', code: e.reason, text: welcomeReason(e.reason) });
        break;
      case 'join-error':
        this.set({ joinError: { code: e.code, message: e.message } });
        // A screen's page says it in large type, and tries again: no toast each time.
        if (!this.opts.screen) this.notice({ kind: 'error', code: e.code, text: errorMessage(e.code, e.message) });
        break;
    }
  }

  private openSocket(): void {
    this.transport?.close();
    const t: Transport = this.opts.connect({
      onOpen: () => {
        if (this.transport !== t) return;
        this.warmClock(); // jam.time needs no membership: measure while the join is on its way
        this.dispatch({ type: 'socket-open' });
      },
      onClose: () => {
        if (this.transport === t) {
          this.transport = null;
          this.dispatch({ type: 'socket-closed' });
        }
      },
    });
    this.transport = t;
  }

  private sendJoin(body: Record<string, unknown>, resume: boolean): void {
    const t = this.transport;
    if (!t) return;
    const sent = this.opts.screen ? t.request<Snapshot>('jam.watch', { code: body.code }) : t.request<Snapshot>('jam.join-session', body);
    sent.then(
      (snap) => {
        if (this.transport !== t) return;
        this.joinSnapshot = snap;
        this.dispatch({
          type: 'join-ok',
          session: { code: snap.code, resumeToken: snap.you?.resumeToken ?? '', name: snap.you?.name ?? '' },
        });
      },
      (err) => {
        if (this.transport !== t) return;
        const e = asJamError(err);
        if (e.code === 'DISCONNECTED') return; // the close handler drives the retry
        // A refused resume (INVALID_TOKEN, NOT_FOUND) falls back to the welcome screen; a
        // transient one (TIMEOUT, UNAVAILABLE) is retried by the state machine.
        void resume;
        this.dispatch({ type: 'join-failed', code: e.code, message: e.message });
      },
    );
  }

  private onJoined(resumed: boolean): void {
    const snap = this.joinSnapshot;
    this.joinSnapshot = null;
    if (!snap) return;
    this.probeOk = true; // the join itself was answered
    this.probeMisses = 0;
    const prev = this.view.jam;
    const kept = resumed && prev && prev.code === snap.code ? prev : null;
    const jam = kept ? applySnapshot(kept, snap) : fromSnapshot(snap);
    this.set({ jam, welcome: null, joinError: null, skipVotedFor: this.skipVoteAfter(kept, snap, jam) });
    if (!resumed && !this.opts.screen) {
      this.notice({ kind: 'info', text: `You joined jam ${snap.code}` });
    }
    const t = this.transport;
    if (!t) return;
    t.subscribe(`jam.events.${snap.code}`, (body) => this.onEvent(body as JamEvent));
    // Events published between the join reply and the registration going live are repaired by
    // a jam.snapshot once the gateway says `subscribed` (or after a while, from a server that
    // does not send it).
    if (this.subscribeTimer) clearTimeout(this.subscribeTimer);
    this.subscribeTimer = setTimeout(() => {
      this.subscribeTimer = null;
      void this.resync();
    }, this.subscribeWaitMs);
    this.warmClock();
    if (this.clockTimer) clearInterval(this.clockTimer);
    this.clockTimer = setInterval(() => void this.syncClock(3), this.clockRefreshMs);
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = setInterval(() => void this.probe(), this.probeMs);
  }

  /**
   * The liveness probe: a jam.time that must come back within PROBE_TIMEOUT_MS. One unanswered
   * shows the page offline (within about 3 s of the network going); a second one closes the
   * socket, so the state machine reconnects instead of waiting for TCP to notice. A slow but
   * live link (a loaded server, a weak signal) thus shows the banner without reconnecting over
   * and over. An answer after an outage resyncs before the page goes live again.
   */
  private async probe(): Promise<void> {
    const t = this.transport;
    if (!t || this.probing || this.view.conn.phase !== 'joined') return;
    this.probing = true;
    try {
      // A clock sample too: every one can only narrow the offset's bounds (lib/clock.ts), and a
      // steady stream finds the moments when the link and this page were quick both ways.
      const t0 = this.now();
      const { serverTime } = await t.request<{ serverTime: number }>('jam.time', {}, PROBE_TIMEOUT_MS);
      this.clock.add(t0, serverTime, this.now());
      this.probeMisses = 0;
      if (!this.probeOk) {
        await this.resync();
        this.probeOk = true;
        this.set({});
      }
    } catch (e) {
      if (this.transport !== t) return;
      const err = asJamError(e);
      if (err.code === 'TIMEOUT' || err.code === 'DISCONNECTED') {
        this.probeOk = false;
        this.set({});
        if (++this.probeMisses >= 2) {
          this.probeMisses = 0;
          t.close();
          this.transport = null;
          this.dispatch({ type: 'socket-closed' });
        }
      }
    } finally {
      this.probing = false;
    }
  }

  /** Fetches jam.snapshot and applies it (after a gap, a reconnect, or on demand). */
  async resync(): Promise<void> {
    const t = this.transport;
    if (!t || this.view.conn.phase !== 'joined') return;
    try {
      const snap = await t.request<Snapshot>('jam.snapshot', {});
      const prev = this.view.jam;
      if (!prev || prev.code !== snap.code) return;
      const jam = applySnapshot(prev, snap);
      this.set({ jam, skipVotedFor: this.skipVoteAfter(prev, snap, jam) });
      this.checkMembership();
    } catch (e) {
      const err = asJamError(e);
      if (err.code === 'NOT_JOINED') this.dispatch({ type: 'not-joined' });
      else if (err.code === 'NOT_FOUND') this.dispatch({ type: 'removed', reason: 'NOT_FOUND' });
    }
  }

  /**
   * This participant's skip vote after applying a snapshot: the snapshot's `you.skipVote`
   * (§9) names its `current`, unless an event newer than the snapshot already changed the
   * skip votes (then the local record stands). Always cleared once another song is current.
   */
  private skipVoteAfter(prev: JamState | null, snap: Snapshot, next: JamState): string | null {
    let mine = prev ? this.view.skipVotedFor : null;
    const newer = prev !== null && prev.fieldRevs.skipVotes > snap.rev;
    if (typeof snap.you?.skipVote === 'boolean' && !newer) {
      mine = snap.you.skipVote && snap.current ? snap.current.id : null;
    }
    return mine !== null && next.current?.id === mine ? mine : null;
  }

  /**
   * The first estimate, as fast as the link allows: CLOCK_READY_SAMPLES requests 40 ms apart
   * (about one round trip and 160 ms; players wait for these), then one every 250 ms for 3 s:
   * the more samples, the likelier one whose request and one whose reply were fast (lib/clock.ts).
   */
  private warmClock(): void {
    const t = this.transport;
    if (!t || this.clockReady() || this.clockWarming) return;
    const once = async () => {
      const t0 = this.now();
      const { serverTime } = await t.request<{ serverTime: number }>('jam.time', {}, 5000);
      this.clock.add(t0, serverTime, this.now());
    };
    this.clockWarming = true;
    const spaced = (i: number) => new Promise<void>((r) => setTimeout(r, i * CLOCK_READY_GAP_MS)).then(once);
    void Promise.all(Array.from({ length: CLOCK_READY_SAMPLES }, (_, i) => spaced(i)))
      .then(() => this.set({}))
      .then(() => this.syncClock(12, 250))
      .catch(() => undefined) // the next connection or refresh tries again
      .finally(() => {
        this.clockWarming = false;
      });
  }

  private async syncClock(samples: number, gapMs = 40): Promise<void> {
    const t = this.transport;
    if (!t) return;
    try {
      await sampleClock(
        this.clock,
        async () => (await t.request<{ serverTime: number }>('jam.time', {}, 5000)).serverTime,
        this.now,
        samples,
        gapMs,
      );
      this.set({}); // the offset moved: let players re-read it
    } catch {
      /* next refresh */
    }
  }

  // ---- events ----------------------------------------------------------------------------

  private onEvent(e: JamEvent): void {
    const jam = this.view.jam;
    if (!jam || !e) return;
    if (e.type === 'subscribed') {
      // The registration is live (§9): anything published before it is repaired by a snapshot.
      if (this.subscribeTimer) clearTimeout(this.subscribeTimer);
      this.subscribeTimer = null;
      void this.resync();
      return;
    }
    if (e.type === 'reaction') {
      // No state and no revision of its own (§12): shown once, as it comes, if not stale.
      const r = reactionFrom(e.data, ++this.reactionSeq);
      if (r && isFresh(r, this.serverNow())) for (const l of this.reactionListeners) l(r);
      return;
    }
    if (typeof e.rev !== 'number') return;
    if (e.type === 'session-ended') {
      if (e.rev > jam.joinRev) this.dispatch({ type: 'removed', reason: String(e.data?.reason ?? 'host-ended') });
      return;
    }
    const before = jam;
    const { state, fresh } = applyEvent(jam, e);
    let skipVotedFor = this.view.skipVotedFor;
    if (state.current?.id !== skipVotedFor) skipVotedFor = null;
    this.set({ jam: state, skipVotedFor });
    if (fresh) this.announce(e, before, state);
    if (e.type === 'participant-left' && e.data?.participant?.id === state.you.participantId) {
      // The last event this connection gets for the jam: kicked, timed out, or left elsewhere.
      if (this.view.conn.phase === 'joined') this.dispatch({ type: 'removed', reason: String(e.data.reason ?? 'removed') });
      return;
    }
    this.checkMembership();
    if (hasGap(state)) this.scheduleGapCheck();
  }

  private checkMembership(): void {
    const jam = this.view.jam;
    if (jam && !this.opts.screen && this.view.conn.phase === 'joined' && !stillMember(jam)) {
      this.dispatch({ type: 'removed', reason: 'removed' });
    }
  }

  private scheduleGapCheck(): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.view.jam && hasGap(this.view.jam)) void this.resync();
    }, this.gapWaitMs);
  }

  private announce(e: JamEvent, before: JamState, after: JamState): void {
    const me = after.you.participantId;
    const p = e.data?.participant;
    switch (e.type) {
      case 'participant-joined':
        if (p && p.id !== me) this.notice({ kind: 'info', text: `${p.name} joined` });
        break;
      case 'participant-left':
        if (p && p.id !== me) {
          const how = e.data.reason === 'kicked' ? 'was removed' : e.data.reason === 'timeout' ? 'dropped out' : 'left';
          this.notice({ kind: 'info', text: `${p.name} ${how}` });
        }
        if (e.data.hostId !== undefined && e.data.hostId !== before.hostId) this.announceHost(after);
        break;
      case 'host-changed':
        if (e.data.hostId !== undefined && e.data.hostId !== before.hostId) this.announceHost(after);
        break;
      case 'now-playing': {
        const prev = before.current;
        const cur = e.data.current as QueueItem | null | undefined;
        if (cur === undefined) break;
        if (!cur) {
          if (prev) this.notice({ kind: 'info', text: 'The queue is empty' });
          break;
        }
        const prevPos = prev ? this.positionOf(before) : 0;
        const skipped = prev && prev.id !== cur.id && prevPos < prev.song.durationMs - 2000;
        this.notice({
          kind: 'info',
          text: skipped ? `Skipped to ${cur.song.title} — ${cur.song.artist}` : `Now playing ${cur.song.title} — ${cur.song.artist}`,
        });
        break;
      }
      default:
        break;
    }
  }

  private announceHost(after: JamState): void {
    const host = after.participants.find((x) => x.id === after.hostId);
    if (!host) return;
    this.notice({
      kind: 'info',
      text: host.id === after.you.participantId ? 'You are now the host' : `${host.name} is now the host`,
    });
  }

  private positionOf(jam: JamState): number {
    const pb = jam.playback;
    return pb.isPlaying ? pb.positionMs + (this.serverNow() - pb.updatedAt) : pb.positionMs;
  }

  // ---- commands --------------------------------------------------------------------------

  /**
   * Sends a jam command; refusals are announced as toasts and rethrown. A state-changing
   * command carries a fresh requestId. While the client is reconnecting the command waits for
   * the jam to be joined again; when its reply is lost (the socket dropped, or no answer), it
   * is sent again once joined, with the same body and so the same requestId, which the server
   * applies at most once.
   */
  async command<T>(address: string, body: unknown, opts: { quiet?: string[]; resend?: boolean } = {}): Promise<T> {
    const payload = withRequestId(address, body, this.requestId);
    const resends = opts.resend === false ? 0 : MAX_RESENDS;
    try {
      for (let attempt = 0; ; attempt++) {
        const t = await this.whenJoined();
        try {
          return await t.request<T>(address, payload);
        } catch (e) {
          const err = asJamError(e);
          const lost = err.code === 'DISCONNECTED' || err.code === 'TIMEOUT';
          if (!lost || attempt >= resends) throw err;
        }
      }
    } catch (e) {
      const err = asJamError(e);
      if (err.code === 'NOT_JOINED') this.dispatch({ type: 'not-joined' });
      if (!opts.quiet?.includes(err.code)) {
        this.notice({ kind: 'error', code: err.code, text: errorMessage(err.code, err.message) });
      }
      throw err;
    }
  }

  /** The transport once the jam is joined; waits while (re)connecting, fails when idle. */
  private whenJoined(): Promise<Transport> {
    const ready = (): Transport | 'idle' | null => {
      if (this.view.conn.phase === 'joined' && this.transport) return this.transport;
      return this.view.conn.phase === 'idle' ? 'idle' : null;
    };
    const notConnected = () => new JamError('DISCONNECTED', 'Not connected');
    const first = ready();
    if (first === 'idle') return Promise.reject(notConnected());
    if (first) return Promise.resolve(first);
    return new Promise<Transport>((resolve, reject) => {
      let unsubscribe = () => {};
      const timer = setTimeout(() => {
        unsubscribe();
        reject(notConnected());
      }, this.rejoinWaitMs);
      unsubscribe = this.subscribe(() => {
        const r = ready();
        if (r === null) return;
        clearTimeout(timer);
        unsubscribe();
        if (r === 'idle') reject(notConnected());
        else resolve(r);
      });
    });
  }

  addSong(songId: string): Promise<{ item: QueueItem }> {
    return this.command('jam.add-to-queue', { songId });
  }

  async vote(itemId: string, value: 1 | -1 | 0): Promise<void> {
    await this.command<{ item: QueueItem }>('jam.vote', { itemId, value });
    if (this.view.jam) this.set({ jam: recordVote(this.view.jam, itemId, value) });
  }

  remove(itemId: string): Promise<unknown> {
    return this.command('jam.remove-from-queue', { itemId });
  }

  playNext(): Promise<unknown> {
    return this.command('jam.play-next', {});
  }

  playback(isPlaying: boolean, positionMs: number): Promise<unknown> {
    return this.command('jam.playback-update', { isPlaying, positionMs: Math.max(0, Math.round(positionMs)) });
  }

  async voteSkip(value: boolean): Promise<void> {
    const currentId = this.view.jam?.current?.id ?? null;
    await this.command<{ skipVotes: SkipVotes }>('jam.vote-skip', { value });
    this.set({ skipVotedFor: value ? currentId : null });
  }

  updateSettings(patch: Partial<Settings>): Promise<{ settings: Settings }> {
    return this.command('jam.update-settings', patch);
  }

  kick(participantId: string): Promise<unknown> {
    return this.command('jam.kick', { participantId });
  }

  transferHost(participantId: string): Promise<unknown> {
    return this.command('jam.transfer-host', { participantId });
  }

  endSession(): Promise<unknown> {
    return this.command('jam.end-session', {});
  }

  /**
   * Sends a reaction (§12). One the rate rule would refuse is refused here without a send, and
   * a RATE_LIMITED from the server holds further ones a moment; neither is a toast (the row
   * says to wait: reactionWaitMs). A lost one is not sent again: late, it would mean nothing.
   */
  async react(emoji: Emoji): Promise<void> {
    const at = this.now();
    if (this.reactionLimit.waitMs(at) > 0) throw new JamError('RATE_LIMITED', 'Too many reactions');
    this.reactionLimit.record(at);
    try {
      await this.command('jam.react', { emoji }, { quiet: ['RATE_LIMITED'], resend: false });
    } catch (e) {
      this.reactionLimit.forget(at);
      if (asJamError(e).code === 'RATE_LIMITED') this.reactionLimit.hold(this.now());
      throw e;
    }
  }

  /** How long until another reaction may be sent (0: now). */
  reactionWaitMs(): number {
    return this.reactionLimit.waitMs(this.now());
  }

  /** Songs for the room, in `mood` (§13: an id, or null for none) when given, else in the jam's. */
  recommendations(limit = 10, mood?: string | null): Promise<{ songs: Recommendation[] }> {
    const body = mood === undefined ? { limit } : { limit, mood };
    return this.command('jam.get-recommendations', body, { quiet: ['UNAVAILABLE'] });
  }
}

export function asJamError(e: unknown): JamError {
  if (e instanceof JamError) return e;
  return new JamError('INTERNAL', e instanceof Error ? e.message : String(e));
}
