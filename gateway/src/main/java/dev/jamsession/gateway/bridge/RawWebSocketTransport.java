package dev.jamsession.gateway.bridge;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.http.WebSocketInternal;

/**
 * The bridge over a plain WebSocket (/eventbus/websocket), what the web client and the load
 * harness speak. A frame's bytes are already a WebSocket message ({@link Frame}), so they are
 * handed to the channel just past Netty's frame encoder: no per-socket frame object, copy, promise
 * or Vert.x write queue (docs/ARCHITECTURE.md, "The fan-out path"). Vert.x still sends the close
 * handshake and pongs through its own path, after whatever was written here.
 */
final class RawWebSocketTransport implements BridgeTransport {
  private final ServerWebSocket ws;
  /** The frame encoder's place in the pipeline: a write from it goes on toward the socket (and TLS). */
  private final ChannelHandlerContext pastEncoder;

  RawWebSocketTransport(ServerWebSocket ws) {
    this.ws = ws;
    this.pastEncoder = ((WebSocketInternal) ws).channelHandlerContext().pipeline().context(WebSocketFrameEncoder.class);
  }

  @Override
  public void handlers(Handler<Buffer> frames, Handler<Void> ended, Handler<Throwable> failed) {
    // Each WebSocket frame's bytes as they came, text or binary: no UTF-8 decoding into a String and
    // back. A bridge frame is one WebSocket frame (at most 4 KB is taken); a fragment alone is no JSON.
    ws.handler(frames);
    ws.closeHandler(ended);
    ws.exceptionHandler(failed);
  }

  @Override
  public void write(Frame frame) {
    if (!pastEncoder.channel().isActive()) {
      return;
    }
    // On the socket's own loop (strict thread mode); from elsewhere Netty would queue it there, in order.
    pastEncoder.writeAndFlush(frame.wire(), pastEncoder.voidPromise());
  }

  @Override
  public long pendingBytes() {
    ChannelOutboundBuffer unwritten = pastEncoder.channel().unsafe().outboundBuffer();
    return unwritten == null ? 0 : unwritten.totalPendingWriteBytes();
  }

  @Override
  public void close(int status, String reason) {
    ws.close((short) status, reason);
  }
}
