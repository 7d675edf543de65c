package dev.jamsession.gateway.bridge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * What carries one browser's bridge frames: a raw WebSocket ({@link RawWebSocketTransport}) or a
 * SockJS session ({@link SockJsTransport}). Called only on the event loop that owns the socket.
 */
interface BridgeTransport {
  /** Incoming frames, the end of the connection (either side closed it) and its failures. */
  void handlers(Handler<Buffer> frames, Handler<Void> ended, Handler<Throwable> failed);

  void write(Frame frame);

  /** Bytes written and not yet handed to the kernel: what a socket that stopped reading piles up. */
  long pendingBytes();

  void close(int status, String reason);
}
