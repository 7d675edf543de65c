declare module '@vertx/eventbus-bridge-client.js' {
  interface BridgeMessage {
    type: string;
    address: string;
    body?: unknown;
    replyAddress?: string;
  }
  interface BridgeFailure {
    failureCode?: number;
    failureType?: string;
    message?: string;
  }
  type Handler = (err: BridgeFailure | null, msg: BridgeMessage) => void;
  class EventBus {
    constructor(url: string, options?: Record<string, unknown>);
    state: number;
    onopen: (() => void) | null;
    onclose: ((e?: unknown) => void) | null;
    onerror: (err: unknown) => void;
    send(address: string, message: unknown, headers: Record<string, string>, callback?: Handler): void;
    registerHandler(address: string, headers: Record<string, string>, callback: Handler): void;
    unregisterHandler(address: string, headers: Record<string, string>, callback: Handler): void;
    enableReconnect(enable: boolean): void;
    close(): void;
    static CONNECTING: number;
    static OPEN: number;
    static CLOSING: number;
    static CLOSED: number;
  }
  export default EventBus;
}
