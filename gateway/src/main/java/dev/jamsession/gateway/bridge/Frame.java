package dev.jamsession.gateway.bridge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * A bridge frame ready to send: its JSON, and the same bytes already framed as one WebSocket
 * binary message (RFC 6455 §5.2, server to client, unmasked). A jam event's frame is built once per
 * gateway and written to every member socket as it is (docs/ARCHITECTURE.md, "The fan-out path").
 * Immutable; the wire bytes are shared read-only across event loops.
 */
final class Frame {
  /** Messages above this go out in fragments, as Vert.x's own writes do with its maximum frame size. */
  static final int MAX_FRAGMENT_BYTES = 64 * 1024;
  private static final int BINARY = 0x2;
  private static final int CONTINUATION = 0x0;
  private static final int FIN = 0x80;

  final Buffer json;
  private final ByteBuf wire;

  Frame(Buffer json) {
    this.json = json;
    this.wire = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(webSocketMessage(json.getBytes())));
  }

  /** The WebSocket message, for one socket's write: a view of the shared bytes with its own indices. */
  ByteBuf wire() {
    return wire.duplicate();
  }

  int wireLength() {
    return wire.readableBytes();
  }

  private static byte[] webSocketMessage(byte[] payload) {
    int fragments = Math.max(1, (payload.length + MAX_FRAGMENT_BYTES - 1) / MAX_FRAGMENT_BYTES);
    int size = 0;
    for (int i = 0; i < fragments; i++) {
      size += headerLength(fragmentLength(payload, i)) + fragmentLength(payload, i);
    }
    byte[] out = new byte[size];
    int at = 0;
    for (int i = 0; i < fragments; i++) {
      int length = fragmentLength(payload, i);
      out[at++] = (byte) ((i == fragments - 1 ? FIN : 0) | (i == 0 ? BINARY : CONTINUATION));
      at = putLength(out, at, length);
      System.arraycopy(payload, i * MAX_FRAGMENT_BYTES, out, at, length);
      at += length;
    }
    return out;
  }

  private static int fragmentLength(byte[] payload, int fragment) {
    return Math.min(MAX_FRAGMENT_BYTES, payload.length - fragment * MAX_FRAGMENT_BYTES);
  }

  private static int headerLength(int length) {
    return length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
  }

  /** The payload length field: 7 bits, or 126 and 16 bits, or 127 and 64 bits. */
  private static int putLength(byte[] out, int at, int length) {
    if (length < 126) {
      out[at++] = (byte) length;
    } else if (length <= 0xFFFF) {
      out[at++] = 126;
      out[at++] = (byte) (length >>> 8);
      out[at++] = (byte) length;
    } else {
      out[at++] = 127;
      for (int shift = 56; shift >= 0; shift -= 8) {
        out[at++] = (byte) ((long) length >>> shift);
      }
    }
    return at;
  }
}
