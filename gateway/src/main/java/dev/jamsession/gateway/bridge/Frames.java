package dev.jamsession.gateway.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The bridge frames of PROTOCOL §1 (Vert.x's: send/register/unregister/ping in, rec/err out),
 * built here and nowhere else. An event frame is spliced around the event bytes session-service
 * encoded, so a jam's event is encoded once per gateway whatever the number of its sockets.
 */
final class Frames {
  private Frames() {}

  private static final byte[] EVENT_HEAD = "{\"type\":\"rec\",\"address\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT_BODY = "\",\"body\":".getBytes(StandardCharsets.US_ASCII);

  /** {"type":"rec","address":ADDRESS,"body":EVENT} from the already encoded event; ADDRESS needs no escaping. */
  static Frame event(String address, Buffer encodedEvent) {
    byte[] addr = address.getBytes(StandardCharsets.US_ASCII);
    Buffer frame = Buffer.buffer(EVENT_HEAD.length + addr.length + EVENT_BODY.length + encodedEvent.length() + 1);
    return new Frame(frame.appendBytes(EVENT_HEAD).appendBytes(addr).appendBytes(EVENT_BODY)
        .appendBuffer(encodedEvent).appendByte((byte) '}'));
  }

  /** The answer to a send: delivered on the client's reply address. */
  static Frame reply(String replyAddress, JsonObject envelope) {
    return new Frame(new JsonObject().put("type", "rec").put("address", replyAddress).put("body", envelope).toBuffer());
  }

  /** A refusal of a frame that has no reply address to answer on (Vert.x's names: rejected, invalid_json…). */
  static Frame error(String reason) {
    return new Frame(new JsonObject().put("type", "err").put("body", reason).toBuffer());
  }

  /** Tells a client its registration is live, so a snapshot now covers everything since its join. */
  static Frame subscribed(String address) {
    return new Frame(new JsonObject().put("type", "rec").put("address", address)
        .put("body", new JsonObject().put("type", "subscribed").put("rev", 0).put("data", new JsonObject()))
        .toBuffer());
  }
}
