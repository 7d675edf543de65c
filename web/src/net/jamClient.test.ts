import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { item, MemStorage, snapshot } from '../test/fixtures';
import { JamError, type Snapshot } from '../lib/types';
import type { Transport } from './bus';
import { JamClient, SESSION_KEY, type JamClientOptions, type Notice } from './jamClient';

/** A scripted bridge connection: answers requests through `handler`, delivers events on demand. */
class FakeTransport implements Transport {
  open = false;
  closed = false;
  subs = new Map<string, (b: unknown) => void>();
  sent: { address: string; body: unknown }[] = [];
  constructor(
    readonly cb: { onOpen(): void; onClose(): void },
    readonly handler: (address: string, body: unknown) => unknown,
  ) {}
  connect() {
    this.open = true;
    this.cb.onOpen();
  }
  drop() {
    this.open = false;
    this.cb.onClose();
  }
  request<T>(address: string, body: unknown, timeoutMs = 10_000): Promise<T> {
    this.sent.push({ address, body });
    try {
      const answer = this.handler(address, body);
      // A link that went silent: the request times out as Bus's would.
      if (answer === SILENT) return new Promise((_, reject) => setTimeout(() => reject(new JamError('TIMEOUT', 'no answer')), timeoutMs));
      return Promise.resolve(answer as T);
    } catch (e) {
      return Promise.reject(e);
    }
  }
  subscribe(address: string, h: (b: unknown) => void) {
    this.subs.set(address, h);
  }
  emit(event: unknown) {
    for (const h of this.subs.values()) h(event);
  }
  close() {
    this.closed = true;
    this.open = false;
  }
}

const SILENT = Symbol('silent');

function setup(handler: (address: string, body: unknown, n: number) => unknown, extra: Partial<JamClientOptions> = {}) {
  const transports: FakeTransport[] = [];
  const notices: Notice[] = [];
  const storage = new MemStorage();
  let n = 0;
  const client = new JamClient({
    connect: (cb) => {
      const t = new FakeTransport(cb, (a, b) => handler(a, b, n++));
      transports.push(t);
      return t;
    },
    storage,
    random: () => 0.5,
    onNotice: (x) => notices.push(x),
    createJam: async () => ({ sessionCode: 'ABC123', hostToken: 'host-tok' }),
    gapWaitMs: 100,
    ...extra,
  });
  return { client, transports, notices, storage };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('JamClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  let snap: Snapshot;
  const server = (address: string) => {
    if (address === 'jam.join-session' || address === 'jam.snapshot') return snap;
    if (address === 'jam.time') return { serverTime: Date.now() };
    return {};
  };

  /** A client joined as Bob over the first transport, the join's round trip done. */
  async function joinedAsBob(extra: Partial<JamClientOptions> = {}) {
    const ctx = setup(server, extra);
    ctx.client.join({ code: 'ABC123', userName: 'Bob' });
    ctx.transports[0].connect();
    await flush();
    return ctx;
  }

  it('creates, joins as host, registers the events and resyncs', async () => {
    snap = snapshot(3, { you: { participantId: 'p1', name: 'Ann', isHost: true, resumeToken: 'r1', votes: {} } });
    const { client, transports, storage } = setup(server);
    await client.create('Ann');
    transports[0].connect();
    await flush();
    const t = transports[0];
    // The clock is measured while the join is on its way (jam.time needs no membership).
    expect(t.sent.find((s) => s.address === 'jam.join-session')).toEqual({ address: 'jam.join-session', body: { code: 'ABC123', userName: 'Ann', hostToken: 'host-tok' } });
    expect([...t.subs.keys()]).toEqual(['jam.events.ABC123']);
    expect(t.sent.map((s) => s.address)).not.toContain('jam.snapshot');
    // The gateway says the registration is live: a snapshot covers anything published before.
    t.emit({ type: 'subscribed', rev: 0, data: {} });
    await flush();
    expect(t.sent.filter((s) => s.address === 'jam.snapshot')).toHaveLength(1);
    expect(client.getView().jam!.knownRev).toBe(3);
    expect(client.getView().conn.phase).toBe('joined');
    expect(JSON.parse(storage.getItem(SESSION_KEY)!)).toEqual({ code: 'ABC123', resumeToken: 'r1', name: 'Ann' });
    client.dispose();
  });

  it('applies events, announces joins, and repairs a rev gap with jam.snapshot', async () => {
    snap = snapshot(3);
    const { client, transports, notices } = await joinedAsBob();
    const t = transports[0];
    t.emit({ type: 'participant-joined', rev: 4, data: { participants: [...snap.participants, { id: 'p3', name: 'Cy', joinedAt: 2, connected: true, isHost: false }], participant: { id: 'p3', name: 'Cy', joinedAt: 2, connected: true, isHost: false } } });
    expect(client.getView().jam!.participants).toHaveLength(3);
    expect(notices.map((x) => x.text)).toContain('Cy joined');
    const before = t.sent.filter((s) => s.address === 'jam.snapshot').length;
    snap = snapshot(6, { queue: [item('x')] });
    t.emit({ type: 'queue-updated', rev: 6, data: { queue: [item('x')] } }); // rev 5 never comes
    await vi.advanceTimersByTimeAsync(150);
    expect(t.sent.filter((s) => s.address === 'jam.snapshot').length).toBe(before + 1);
    expect(client.getView().jam!.knownRev).toBe(6);
    client.dispose();
  });

  it('reconnects after a drop and resumes with the token, as the same participant', async () => {
    snap = snapshot(3);
    const { client, transports } = await joinedAsBob();
    transports[0].drop();
    expect(client.getView().conn.phase).toBe('reconnecting');
    expect(client.getView().jam).not.toBeNull(); // the screen stays, with a badge
    await vi.advanceTimersByTimeAsync(300);
    expect(transports).toHaveLength(2);
    transports[1].connect();
    await flush();
    expect(transports[1].sent[0]).toEqual({ address: 'jam.join-session', body: { code: 'ABC123', userName: 'Bob', resumeToken: 'tok' } });
    expect(client.getView().conn.phase).toBe('joined');
    expect(client.getView().jam!.you.participantId).toBe('p2');
    expect([...transports[1].subs.keys()]).toEqual(['jam.events.ABC123']);
    client.dispose();
  });

  it('resumes a stored session after a reload; INVALID_TOKEN falls back to welcome with the code', async () => {
    const { client, transports, storage } = setup((address) => {
      if (address === 'jam.join-session') throw new JamError('INVALID_TOKEN', 'bad token');
      return {};
    });
    storage.setItem(SESSION_KEY, JSON.stringify({ code: 'ABC123', resumeToken: 'old', name: 'Bob' }));
    expect(client.resumeStored()).toBe(true);
    transports[0].connect();
    await flush();
    const v = client.getView();
    expect(v.conn.phase).toBe('idle');
    expect(v.welcome).toEqual({ code: 'ABC123', reason: 'INVALID_TOKEN' });
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    client.dispose();
  });

  it('turns a refusal into a plain-words error notice and keeps your vote', async () => {
    snap = snapshot(3, { queue: [item('a')] });
    const { client, transports, notices } = setup((address) => {
      if (address === 'jam.play-next') throw new JamError('NOT_HOST', 'Only the host can skip songs');
      if (address === 'jam.vote') return { item: item('a', 1) };
      return server(address);
    });
    client.join({ code: 'ABC123', userName: 'Bob' });
    transports[0].connect();
    await flush();
    await expect(client.playNext()).rejects.toMatchObject({ code: 'NOT_HOST' });
    expect(notices.at(-1)).toMatchObject({ kind: 'error', code: 'NOT_HOST', text: 'Only the host can do that.' });
    await client.vote('a', 1);
    expect(client.getView().jam!.you.votes).toEqual({ a: 1 });
    client.dispose();
  });

  it('leaves the welcome screen when kicked or when the jam ends', async () => {
    snap = snapshot(3);
    const { client, transports, notices } = await joinedAsBob();
    transports[0].emit({ type: 'session-ended', rev: 4, data: { reason: 'host-ended' } });
    expect(client.getView().jam).toBeNull();
    expect(client.getView().welcome).toEqual({ code: 'ABC123', reason: 'host-ended' });
    expect(notices.at(-1)!.text).toBe('That jam has ended.');
    client.dispose();
  });

  it('a participant-left naming you (kicked) is your last event: back to welcome, code prefilled', async () => {
    snap = snapshot(3);
    const { client, transports, storage } = await joinedAsBob();
    transports[0].emit({
      type: 'participant-left',
      rev: 4,
      data: { participants: [snap.participants[0]], hostId: 'p1', participant: snap.participants[1], reason: 'kicked' },
    });
    expect(client.getView().conn.phase).toBe('idle');
    expect(client.getView().welcome).toEqual({ code: 'ABC123', reason: 'kicked' });
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    client.dispose();
  });
  it('resyncs anyway when a server sends no subscribed event', async () => {
    snap = snapshot(3);
    const { client, transports } = await joinedAsBob({ subscribeWaitMs: 500 });
    expect(transports[0].sent.filter((s) => s.address === 'jam.snapshot')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(transports[0].sent.filter((s) => s.address === 'jam.snapshot')).toHaveLength(1);
    client.dispose();
  });

  it('restores your own skip vote from you.skipVote after a reload, and drops it when the song changes', async () => {
    snap = snapshot(5, {
      current: item('cur'),
      playback: { isPlaying: true, positionMs: 0, updatedAt: 0 },
      skipVotes: { count: 1, needed: 2 },
      you: { participantId: 'p2', name: 'Bob', isHost: false, resumeToken: 'tok', votes: {}, skipVote: true },
    });
    const { client, transports, storage } = setup(server);
    storage.setItem(SESSION_KEY, JSON.stringify({ code: 'ABC123', resumeToken: 'tok', name: 'Bob' }));
    expect(client.resumeStored()).toBe(true);
    transports[0].connect();
    await flush();
    expect(client.getView().skipVotedFor).toBe('cur');
    // A snapshot saying the vote no longer stands (withdrawn elsewhere) clears it.
    snap = { ...snap, rev: 6, you: { ...snap.you!, skipVote: false } };
    transports[0].emit({ type: 'subscribed', rev: 0, data: {} });
    await flush();
    expect(client.getView().skipVotedFor).toBeNull();
    await client.voteSkip(true);
    expect(client.getView().skipVotedFor).toBe('cur');
    transports[0].emit({ type: 'now-playing', rev: 7, data: { current: item('next'), queue: [], skipVotes: { count: 0, needed: 2 } } });
    expect(client.getView().skipVotedFor).toBeNull();
    client.dispose();
  });

  it('puts a fresh requestId on every state-changing command, none on reads', async () => {
    snap = snapshot(3, { queue: [item('a')] });
    let n = 0;
    const { client, transports } = await joinedAsBob({ requestId: () => `req-${++n}` });
    await client.vote('a', 1);
    await client.addSong('s-9');
    await client.playNext();
    await client.resync();
    await client.recommendations(10, 'chill');
    await client.recommendations(5, null);
    await client.recommendations();
    const sent = transports[0].sent.filter((s) => s.address !== 'jam.time');
    expect(sent.map((s) => [s.address, (s.body as { requestId?: string }).requestId])).toEqual([
      ['jam.join-session', undefined],
      ['jam.vote', 'req-1'],
      ['jam.add-to-queue', 'req-2'],
      ['jam.play-next', 'req-3'],
      ['jam.snapshot', undefined],
      ['jam.get-recommendations', undefined],
      ['jam.get-recommendations', undefined],
      ['jam.get-recommendations', undefined],
    ]);
    expect(sent[1].body).toEqual({ itemId: 'a', value: 1, requestId: 'req-1' });
    // A mood given (null: none) is sent; without one the server takes the jam's (§13).
    expect(sent.slice(5).map((s) => s.body)).toEqual([{ limit: 10, mood: 'chill' }, { limit: 5, mood: null }, { limit: 10 }]);
    client.leave();
    expect(transports[0].sent.at(-1)).toEqual({ address: 'jam.leave-session', body: { requestId: 'req-4' } });
    client.dispose();
  });

  it('re-sends a command whose reply was lost, after the reconnect, with the same requestId', async () => {
    snap = snapshot(3, { queue: [item('a')] });
    let n = 0;
    let dropNextVote = true;
    const ts: FakeTransport[] = [];
    const { client, transports, notices } = setup(
      (address) => {
        if (address === 'jam.vote' && dropNextVote) {
          dropNextVote = false;
          ts[0].drop(); // the socket dies with the request in flight
          throw new JamError('DISCONNECTED', 'The connection dropped');
        }
        if (address === 'jam.vote') return { item: item('a', 1) };
        return server(address);
      },
      { requestId: () => `req-${++n}` },
    );
    client.join({ code: 'ABC123', userName: 'Bob' });
    ts.push(...transports);
    transports[0].connect();
    await flush();
    const voting = client.vote('a', 1);
    await flush();
    expect(client.getView().conn.phase).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(300);
    transports[1].connect(); // resumed with the token
    await voting;
    const votes = transports.flatMap((t) => t.sent).filter((s) => s.address === 'jam.vote');
    expect(votes.map((v) => v.body)).toEqual([
      { itemId: 'a', value: 1, requestId: 'req-1' },
      { itemId: 'a', value: 1, requestId: 'req-1' },
    ]);
    expect(client.getView().jam!.you.votes).toEqual({ a: 1 });
    expect(notices.filter((x) => x.kind === 'error')).toEqual([]);
    client.dispose();
  });

  it('a command made while reconnecting waits for the rejoin; it fails in words if none comes', async () => {
    snap = snapshot(3);
    const { client, transports, notices } = await joinedAsBob({ rejoinWaitMs: 2000 });
    transports[0].drop();
    const next = client.playNext();
    await vi.advanceTimersByTimeAsync(300);
    transports[1].connect();
    await next;
    expect(transports[1].sent.map((s) => s.address)).toContain('jam.play-next');
    transports[1].drop();
    const again = client.playNext();
    const failed = expect(again).rejects.toMatchObject({ code: 'DISCONNECTED' });
    await vi.advanceTimersByTimeAsync(2100);
    await failed;
    expect(notices.at(-1)).toMatchObject({ kind: 'error', code: 'DISCONNECTED' });
    client.dispose();
  });

  it('does not call the clock ready before a few samples are in', async () => {
    snap = snapshot(3);
    let answerTime = false;
    const { client, transports } = setup((a) => (a === 'jam.time' && !answerTime ? SILENT : server(a)));
    client.join({ code: 'ABC123', userName: 'Bob' });
    transports[0].connect();
    await flush();
    expect(client.clockReady()).toBe(false);
    answerTime = true;
    client.dispose();
    const { client: c2, transports: t2 } = setup(server);
    c2.join({ code: 'ABC123', userName: 'Bob' });
    t2[0].connect();
    await vi.advanceTimersByTimeAsync(100);
    expect(c2.clockReady()).toBe(false); // five samples, 40 ms apart
    await vi.advanceTimersByTimeAsync(100);
    expect(c2.clockReady()).toBe(true);
    c2.dispose();
  });

  it('shows offline at once on the browser event, and when the probe goes unanswered; back live as the same participant', async () => {
    snap = snapshot(3);
    let silent = false;
    const { client, transports } = setup((a) => (a === 'jam.time' && silent ? SILENT : server(a)), { probeMs: 1000 });
    client.join({ code: 'ABC123', userName: 'Bob' });
    transports[0].connect();
    await vi.advanceTimersByTimeAsync(200);
    expect(client.getView().offline).toBe(false);

    client.setBrowserOnline(false);
    expect(client.getView().offline).toBe(true);
    client.setBrowserOnline(true);
    await flush();
    expect(client.getView().offline).toBe(false);

    silent = true; // the network is gone, but no event says so
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 10);
    expect(client.getView().offline).toBe(true); // within 3 s
    expect(transports[0].closed).toBe(false); // one miss may be a slow link
    await vi.advanceTimersByTimeAsync(1000 + 2000);
    expect(transports[0].closed).toBe(true);
    expect(client.getView().conn.phase).toBe('reconnecting');

    silent = false;
    await vi.advanceTimersByTimeAsync(1000);
    transports[transports.length - 1].connect();
    await flush();
    expect(client.getView().offline).toBe(false);
    expect(client.getView().jam!.you.participantId).toBe('p2');
    client.dispose();
  });

  describe('as a screen (jam.watch, §12)', () => {
    const watched = () => {
      const { you: _you, ...rest } = snapshot(3, { queue: [item('a')] });
      void _you;
      return rest as Snapshot;
    };
    const screenServer = (a: string) => server(a === 'jam.watch' ? 'jam.join-session' : a);

    it('watches instead of joining, is nobody, and is not "removed" for being in no list', async () => {
      snap = watched();
      const { client, transports, notices } = setup(screenServer, { screen: true, storage: null });
      client.watch('ABC123');
      transports[0].connect();
      await flush();
      const t = transports[0];
      expect(t.sent.map((x) => x.address)).not.toContain('jam.join-session');
      expect(t.sent.find((x) => x.address === 'jam.watch')).toEqual({ address: 'jam.watch', body: { code: 'ABC123' } });
      expect([...t.subs.keys()]).toEqual(['jam.events.ABC123']);
      const view = client.getView();
      expect(view.conn.phase).toBe('joined');
      expect(view.jam!.you.participantId).toBe('');
      expect(view.jam!.queue.map((i) => i.id)).toEqual(['a']);
      expect(notices.map((n) => n.text)).not.toContain('You joined jam ABC123');
      // Events apply as for a participant; a participant list without the screen keeps it watching.
      t.emit({ type: 'participant-updated', rev: 4, data: { participants: snap.participants, skipVotes: { count: 0, needed: 1 } } });
      t.emit({ type: 'queue-updated', rev: 5, data: { queue: [item('a'), item('b')] } });
      expect(client.getView().jam!.queue).toHaveLength(2);
      expect(client.getView().conn.phase).toBe('joined');
      client.dispose();
    });

    it('watches again after a drop, and shows the end when the jam is gone', async () => {
      snap = watched();
      let gone = false;
      const { client, transports } = setup(
        (a) => {
          if (a === 'jam.watch' && gone) throw new JamError('NOT_FOUND', 'No such jam');
          return screenServer(a);
        },
        { screen: true, storage: null },
      );
      client.watch('ABC123');
      transports[0].connect();
      await flush();
      transports[0].drop();
      expect(client.getView().jam).not.toBeNull(); // the screen keeps showing the jam meanwhile
      await vi.advanceTimersByTimeAsync(300);
      transports[1].connect();
      await flush();
      expect(transports[1].sent.find((x) => x.address === 'jam.watch')?.body).toEqual({ code: 'ABC123' });
      expect(client.getView().conn.phase).toBe('joined');
      gone = true;
      transports[1].drop();
      await vi.advanceTimersByTimeAsync(300);
      transports[2].connect();
      await flush();
      expect(client.getView().jam).toBeNull();
      expect(client.getView().welcome).toEqual({ code: 'ABC123', reason: 'NOT_FOUND' });
      client.dispose();
    });
  });

  describe('reactions (§12)', () => {
    const reaction = (emoji: string, at: number) => ({
      type: 'reaction',
      rev: 3, // the jam's current rev: no gap, and two at the same rev are both shown
      data: { participant: { id: 'p1', name: 'Ann', joinedAt: 1, connected: true, isHost: true }, emoji, at },
    });

    it('hands every fresh reaction to the listeners, and changes no state', async () => {
      snap = snapshot(3);
      const { client, transports } = await joinedAsBob();
      const got: string[] = [];
      const off = client.onReaction((r) => got.push(`${r.name}:${r.emoji}`));
      const jam = client.getView().jam;
      const now = client.serverNow();
      transports[0].emit(reaction('🔥', now));
      transports[0].emit(reaction('🔥', now));
      transports[0].emit(reaction('\u2764', now));
      transports[0].emit(reaction('🔥', now - 60_000)); // stalled for a minute: not shown
      transports[0].emit(reaction('nope', now));
      expect(got).toEqual(['Ann:🔥', 'Ann:🔥', 'Ann:❤️']);
      expect(client.getView().jam).toBe(jam);
      expect(transports[0].sent.filter((x) => x.address === 'jam.snapshot')).toHaveLength(0);
      off();
      transports[0].emit(reaction('🎉', now));
      expect(got).toHaveLength(3);
      client.dispose();
    });

    it('sends at most ten in 10 s, quietly, and backs off when the server refuses', async () => {
      snap = snapshot(3);
      let refuse = false;
      const { client, transports, notices } = setup((a) => {
        if (a === 'jam.react' && refuse) throw new JamError('RATE_LIMITED', 'Slow down');
        return server(a);
      });
      client.join({ code: 'ABC123', userName: 'Bob' });
      transports[0].connect();
      await flush();
      for (let i = 0; i < 10; i++) await client.react('👏');
      await expect(client.react('👏')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      const reacts = () => transports[0].sent.filter((x) => x.address === 'jam.react');
      expect(reacts()).toHaveLength(10);
      expect(reacts()[0].body).toEqual({ emoji: '👏' }); // no requestId: it changes no state
      expect(client.reactionWaitMs()).toBeGreaterThan(9000);
      await vi.advanceTimersByTimeAsync(10_300);
      expect(client.reactionWaitMs()).toBe(0);
      refuse = true;
      await expect(client.react('🎉')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      expect(client.reactionWaitMs()).toBeGreaterThan(1000); // held a moment
      expect(notices.filter((n) => n.kind === 'error')).toEqual([]); // the row says it, no toast
      client.dispose();
    });
  });
});
