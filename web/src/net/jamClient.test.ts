import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { item, snapshot } from '../test/fixtures';
import { JamError, type Snapshot } from '../lib/types';
import type { Transport } from './bus';
import { JamClient, SESSION_KEY, type Notice } from './jamClient';

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
  request<T>(address: string, body: unknown): Promise<T> {
    this.sent.push({ address, body });
    try {
      return Promise.resolve(this.handler(address, body) as T);
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

class MemStorage {
  m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

function setup(handler: (address: string, body: unknown, n: number) => unknown) {
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

  it('creates, joins as host, registers the events and resyncs', async () => {
    snap = snapshot(3, { you: { participantId: 'p1', name: 'Ann', isHost: true, resumeToken: 'r1', votes: {} } });
    const { client, transports, storage } = setup(server);
    await client.create('Ann');
    transports[0].connect();
    await flush();
    const t = transports[0];
    expect(t.sent[0]).toEqual({ address: 'jam.join-session', body: { code: 'ABC123', userName: 'Ann', hostToken: 'host-tok' } });
    expect([...t.subs.keys()]).toEqual(['jam.events.ABC123']);
    expect(t.sent.map((s) => s.address)).toContain('jam.snapshot');
    expect(client.getView().conn.phase).toBe('joined');
    expect(JSON.parse(storage.getItem(SESSION_KEY)!)).toEqual({ code: 'ABC123', resumeToken: 'r1', name: 'Ann' });
    client.dispose();
  });

  it('applies events, announces joins, and repairs a rev gap with jam.snapshot', async () => {
    snap = snapshot(3);
    const { client, transports, notices } = setup(server);
    client.join({ code: 'ABC123', userName: 'Bob' });
    transports[0].connect();
    await flush();
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
    const { client, transports } = setup(server);
    client.join({ code: 'ABC123', userName: 'Bob' });
    transports[0].connect();
    await flush();
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
    const { client, transports, notices } = setup(server);
    client.join({ code: 'ABC123', userName: 'Bob' });
    transports[0].connect();
    await flush();
    transports[0].emit({ type: 'session-ended', rev: 4, data: { reason: 'host-ended' } });
    expect(client.getView().jam).toBeNull();
    expect(client.getView().welcome).toEqual({ code: 'ABC123', reason: 'host-ended' });
    expect(notices.at(-1)!.text).toBe('That jam has ended.');
    client.dispose();
  });

  it('a participant-left naming you (kicked) is your last event: back to welcome, code prefilled', async () => {
    snap = snapshot(3);
    const { client, transports, storage } = setup(server);
    client.join({ code: 'ABC123', userName: 'Bob' });
    transports[0].connect();
    await flush();
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
});
