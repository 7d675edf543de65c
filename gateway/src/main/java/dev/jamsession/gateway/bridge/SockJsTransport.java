package dev.jamsession.gateway.bridge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/** The bridge over a SockJS session (/eventbus): SockJS frames each message itself, so it gets the JSON. */
final class SockJsTransport implements BridgeTransport {
  private final SockJSSocket socket;
  private long pendingBytes;

  SockJsTransport(SockJSSocket socket) {
    this.socket = socket;
  }

  @Override
  public void handlers(Handler<Buffer> frames, Handler<Void> ended, Handler<Throwable> failed) {
    socket.handler(frames);
    socket.endHandler(ended);
    socket.exceptionHandler(failed);
  }

  @Override
  public void write(Frame frame) {
    int length = frame.json.length();
    pendingBytes += length;
    socket.write(frame.json).onComplete(ar -> pendingBytes -= length);
  }

  @Override
  public long pendingBytes() {
    return pendingBytes;
  }

  @Override
  public void close(int status, String reason) {
    socket.close(status, reason);
  }
}
