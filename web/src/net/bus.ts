// One SockJS connection to the event-bus bridge, with promise-based requests.
// A new Bus is made for every (re)connection; the caller drives reconnection.

import EventBus from '@vertx/eventbus-bridge-client.js';
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

export class Bus implements Transport {
  private readonly eb: EventBus;
  private closed = false;
  /** Rejecters of the requests awaiting a reply: a closed socket fails them at once. */
  private readonly pending = new Set<(e: JamError) => void>();

  constructor(url: string, cb: BusCallbacks) {
    // WebSocket only: the gateway turns the polling transports off (docs/ARCHITECTURE.md, "The bridge").
    this.eb = new EventBus(url, { vertxbus_ping_interval: 5000, transports: ['websocket'] });
    this.eb.enableReconnect(false);
    this.eb.onopen = () => {
      if (!this.closed) cb.onOpen();
    };
    this.eb.onclose = () => {
      this.failPending();
      if (this.closed) return;
      this.closed = true;
      cb.onClose();
    };
    this.eb.onerror = () => {
      /* bridge `err` frames without a reply handler; requests see their own */
    };
  }

  get open(): boolean {
    return !this.closed && this.eb.state === EventBus.OPEN;
  }

  request<T>(address: string, body: unknown, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!this.open) {
        reject(new JamError('DISCONNECTED', 'Not connected'));
        return;
      }
      let done = false;
      const fail = (e: JamError) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.pending.delete(fail);
        reject(e);
      };
      const timer = setTimeout(() => fail(new JamError('TIMEOUT', `No answer from ${address}`)), timeoutMs);
      this.pending.add(fail);
      try {
        this.eb.send(address, body ?? {}, {}, (err, msg) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          this.pending.delete(fail);
          if (err) {
            reject(new JamError('BRIDGE', err.message ?? err.failureType ?? 'Refused'));
            return;
          }
          const reply = (msg?.body ?? {}) as Reply;
          if (reply.success) resolve(reply.data as T);
          else {
            const code = (reply.code ?? 'INTERNAL') as JamError['code'];
            reject(new JamError(code, reply.error ?? code));
          }
        });
      } catch {
        fail(new JamError('DISCONNECTED', 'Not connected'));
      }
    });
  }

  subscribe(address: string, handler: (body: unknown) => void): void {
    this.eb.registerHandler(address, {}, (err, msg) => {
      if (!err && msg) handler(msg.body);
    });
  }

  private failPending(): void {
    for (const fail of [...this.pending]) fail(new JamError('DISCONNECTED', 'The connection dropped'));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.failPending();
    try {
      this.eb.close();
    } catch {
      /* already closed */
    }
  }
}
