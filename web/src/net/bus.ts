// One WebSocket connection to the event-bus bridge, with promise-based requests.
// A new Bus is made for every (re)connection; the caller drives reconnection.

import { JamError } from '../lib/types';

export interface Transport {
  readonly open: boolean;
  request<T>(address: string, body: unknown, timeoutMs?: number): Promise<T>;
  subscribe(address: string, handler: (body: unknown) => void): void;
  close(): void;
}

export interface BusCallbacks {
  onOpen(): void;
  onClose(): void;
}

interface Reply {
  success?: boolean;
  data?: unknown;
  code?: string;
  error?: string;
}

/** A frame of the bridge protocol (PROTOCOL §1), as the server sends them. */
interface Frame {
  type?: string;
  address?: string;
  body?: unknown;
}

const PING = JSON.stringify({ type: 'ping' });
const PING_INTERVAL_MS = 5000;

/** ws(s)://host/eventbus/websocket for a page at http(s)://host, given the bridge's path. */
export function socketUrl(path: string, loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${path}/websocket`;
}

/**
 * The bridge over the raw WebSocket endpoint (docs/ARCHITECTURE.md, "The bridge"): the gateway
 * writes each jam event's frame, built once, to every member socket; SockJS's framing would
 * re-encode it per socket.
 */
export class Bus implements Transport {
  private readonly ws: WebSocket;
  private closed = false;
  private readonly ping: ReturnType<typeof setInterval>;
  private readonly decoder = new TextDecoder();
  private sequence = 0;
  /** Reply handlers by reply address, and the jam event handlers by address. */
  private readonly replies = new Map<string, (reply: Reply) => void>();
  private readonly handlers = new Map<string, (body: unknown) => void>();
  /** Rejecters of the requests awaiting a reply: a closed socket fails them at once. */
  private readonly pending = new Set<(e: JamError) => void>();

  constructor(path: string, cb: BusCallbacks) {
    this.ws = new WebSocket(socketUrl(path));
    this.ws.binaryType = 'arraybuffer';
    this.ws.onopen = () => {
      if (!this.closed) cb.onOpen();
    };
    this.ws.onmessage = (m: MessageEvent) => this.onFrame(m.data);
    this.ws.onclose = () => {
      clearInterval(this.ping);
      this.failPending();
      if (this.closed) return;
      this.closed = true;
      cb.onClose();
    };
    this.ping = setInterval(() => {
      if (this.open) this.ws.send(PING);
    }, PING_INTERVAL_MS);
  }

  get open(): boolean {
    return !this.closed && this.ws.readyState === WebSocket.OPEN;
  }

  private onFrame(data: ArrayBuffer | string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(typeof data === 'string' ? data : this.decoder.decode(data)) as Frame;
    } catch {
      return;
    }
    // `err` frames answer frames without a reply address (a refused register): nothing waits.
    if (frame.type !== 'rec' || !frame.address) return;
    const reply = this.replies.get(frame.address);
    if (reply) {
      this.replies.delete(frame.address);
      reply((frame.body ?? {}) as Reply);
      return;
    }
    this.handlers.get(frame.address)?.(frame.body);
  }

  request<T>(address: string, body: unknown, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!this.open) {
        reject(new JamError('DISCONNECTED', 'Not connected'));
        return;
      }
      const replyAddress = `r${++this.sequence}`; // replies come back on this socket only
      const fail = (e: JamError) => {
        clearTimeout(timer);
        this.replies.delete(replyAddress);
        this.pending.delete(fail);
        reject(e);
      };
      const timer = setTimeout(() => fail(new JamError('TIMEOUT', `No answer from ${address}`)), timeoutMs);
      this.pending.add(fail);
      this.replies.set(replyAddress, (reply) => {
        clearTimeout(timer);
        this.pending.delete(fail);
        if (reply.success) resolve(reply.data as T);
        else {
          const code = (reply.code ?? 'INTERNAL') as JamError['code'];
          reject(new JamError(code, reply.error ?? code));
        }
      });
      this.ws.send(JSON.stringify({ type: 'send', address, body: body ?? {}, replyAddress }));
    });
  }

  subscribe(address: string, handler: (body: unknown) => void): void {
    this.handlers.set(address, handler);
    if (this.open) this.ws.send(JSON.stringify({ type: 'register', address }));
  }

  private failPending(): void {
    for (const fail of [...this.pending]) fail(new JamError('DISCONNECTED', 'The connection dropped'));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.ping);
    this.failPending();
    this.ws.close();
  }
}
