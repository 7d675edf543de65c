package dev.jamsession.gateway.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A frame's wire bytes, read back by Netty's own client-side WebSocket decoder. */
class FrameTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 125, 126, 65_535, 65_536, 65_537, 200_000})
  void theWireBytesAreOneBinaryMessageOfThePayloadInFragmentsOfAtMost64Kb(int size) {
    byte[] payload = new byte[size];
    new Random(size).nextBytes(payload);
    Frame frame = new Frame(Buffer.buffer(payload));

    List<WebSocketFrame> frames = decode(frame.wire());

    assertThat(frames.get(0)).isInstanceOf(BinaryWebSocketFrame.class);
    assertThat(frames.subList(1, frames.size())).allMatch(f -> f instanceof ContinuationWebSocketFrame);
    assertThat(frames).extracting(WebSocketFrame::isFinalFragment)
        .containsExactlyElementsOf(finalOnlyLast(frames.size()));
    assertThat(frames).allMatch(f -> f.content().readableBytes() <= Frame.MAX_FRAGMENT_BYTES);
    assertThat(joined(frames)).isEqualTo(payload);
    assertThat(frame.json.getBytes()).isEqualTo(payload);
    frames.forEach(WebSocketFrame::release);
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 70_000})
  void eachSocketGetsItsOwnViewOfTheSharedBytes(int size) {
    Frame frame = new Frame(Buffer.buffer(new byte[size]));
    ByteBuf first = frame.wire();
    first.skipBytes(first.readableBytes()); // what a socket's write does to its view
    first.release();
    assertThat(frame.wire().readableBytes()).isEqualTo(frame.wireLength()).isGreaterThan(size);
  }

  private static List<WebSocketFrame> decode(ByteBuf wire) {
    EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
    client.writeInbound(wire);
    List<WebSocketFrame> frames = new ArrayList<>();
    for (WebSocketFrame f = client.readInbound(); f != null; f = client.readInbound()) {
      frames.add(f);
    }
    client.finishAndReleaseAll();
    return frames;
  }

  private static List<Boolean> finalOnlyLast(int count) {
    List<Boolean> flags = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      flags.add(i == count - 1);
    }
    return flags;
  }

  private static byte[] joined(List<WebSocketFrame> frames) {
    Buffer all = Buffer.buffer();
    frames.forEach(f -> all.appendBytes(ByteBufUtil.getBytes(f.content())));
    return all.getBytes();
  }
}
