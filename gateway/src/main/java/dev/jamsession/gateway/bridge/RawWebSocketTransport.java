package dev.jamsession.gateway.bridge;

import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.net.impl.VertxHandler;
import java.util.concurrent.TimeUnit;

/**
 * The bridge over a plain WebSocket (/eventbus/websocket), what the web client and the load
 * harness speak. Vert.x does the upgrade; then this handler takes the channel's place of Vert.x's
 * WebSocket (docs/ARCHITECTURE.md, "The fan-out path"):
 * <ul>
 *   <li>A frame's bytes are already a WebSocket message ({@link Frame}), so they are handed to the
 *       channel just past Netty's frame encoder: no per-socket frame object, copy, promise or
 *       write queue.</li>
 *   <li>Vert.x's WebSocket keeps, for the connection's whole life, a cross-thread write queue
 *       whose first chunk is a 1,024-slot array (4 KB), whatever the server's thread mode: about a
 *       third of what an idle connection held. Without it, the socket is this handler, Netty's
 *       decoder and a message aggregator.</li>
 * </ul>
 * Messages arrive whole (fragments joined, at most {@link #MAX_MESSAGE_BYTES}) on the verticle's
 * context, pings are answered, and a close is echoed, as RFC 6455 asks and Vert.x did.
 */
final class RawWebSocketTransport extends ChannelInboundHandlerAdapter implements BridgeTransport {
  /** A longer message closes the socket with 1009 (BridgeSocket refuses frames above 4 KB anyway). */
  static final int MAX_MESSAGE_BYTES = 64 * 1024;
  /** A closed socket whose peer does not answer the close is dropped after this (a stalled one cannot). */
  static final long CLOSING_TIMEOUT_MS = 2_000;
  private static final int MESSAGE_TOO_BIG = 1009;

  private final ContextInternal context;
  private final ChannelHandlerContext pastEncoder;
  private Handler<Buffer> frames = b -> { };
  private Handler<Void> ended = v -> { };
  private Handler<Throwable> failed = t -> { };
  private ChannelHandlerContext ctx;
  private boolean closeSent;
  private boolean over;

  private RawWebSocketTransport(ContextInternal context, ChannelPipeline pipeline) {
    this.context = context;
    this.pastEncoder = pipeline.context(WebSocketFrameEncoder.class);
  }

  /**
   * Takes over the channel of {@code ws}, just upgraded, on its event loop and within the same
   * task as the upgrade, so no frame can have reached Vert.x's WebSocket before.
   */
  static RawWebSocketTransport takeOver(ServerWebSocket ws, ContextInternal context) {
    ChannelPipeline pipeline = ((WebSocketInternal) ws).channelHandlerContext().pipeline();
    RawWebSocketTransport transport = new RawWebSocketTransport(context, pipeline);
    String vertx = pipeline.context(VertxHandler.class).name();
    pipeline.addBefore(vertx, "ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
    pipeline.replace(vertx, "bridge", transport);
    return transport;
  }

  @Override
  public void handlers(Handler<Buffer> frames, Handler<Void> ended, Handler<Throwable> failed) {
    this.frames = frames;
    this.ended = ended;
    this.failed = failed;
  }

  @Override
  public void write(Frame frame) {
    if (!pastEncoder.channel().isActive() || closeSent) {
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
    if (closeSent) {
      return;
    }
    closeSent = true;
    ctx.writeAndFlush(new CloseWebSocketFrame(status, reason));
    ctx.executor().schedule(() -> {
      ctx.close();
    }, CLOSING_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx; // during takeOver's replace, before anyone can close this transport
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
        // The bytes as they came, text or binary: no UTF-8 decoding into a String and back.
        Buffer message = Buffer.buffer(ByteBufUtil.getBytes(((ByteBufHolder) msg).content()));
        context.dispatch(message, frames);
      } else if (msg instanceof PingWebSocketFrame ping) {
        ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      } else if (msg instanceof CloseWebSocketFrame close) {
        if (closeSent) {
          ctx.close(); // the answer to ours
        } else {
          closeSent = true;
          CloseWebSocketFrame echo = close.statusCode() < 0 ? new CloseWebSocketFrame()
              : new CloseWebSocketFrame(close.statusCode(), null);
          ctx.writeAndFlush(echo).addListener(ChannelFutureListener.CLOSE);
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!over) {
      over = true;
      context.dispatch(null, ended);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      close(MESSAGE_TOO_BIG, "Message too big");
    } else if (!over) {
      context.dispatch(cause, failed);
    }
  }
}
