package dev.jamsession.benchmarks.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The few fields of an inbound bridge frame the harness needs, read with a streaming parser that
 * stops as soon as it has them: an event's queue (often kilobytes) is never tokenised, so the
 * generator's cost per event stays far below the server's.
 *
 * <p>One instance per event loop, overwritten by each {@link #read}.
 */
final class Frame {
  private static final JsonFactory JSON = new JsonFactory();
  static final String EVENTS_PREFIX = "jam.events.";

  /** The frame's {@code type}: {@code rec} or {@code err}. */
  String type;
  String address;
  /** An event's {@code type} ({@code queue-updated}, {@code subscribed}, ...). */
  String eventType;
  /** An event's {@code rev}. */
  long rev;
  /** A reply's {@code success}, {@code code} (or an err frame's failureType) and {@code data.rev}. */
  boolean success;
  String code;
  long dataRev;
  /** Whether an event's data carries {@code queue}. */
  boolean hasQueue;

  boolean isEvent() {
    return address != null && address.startsWith(EVENTS_PREFIX);
  }

  Frame read(byte[] bytes) {
    type = null;
    address = null;
    eventType = null;
    rev = -1;
    success = false;
    code = null;
    dataRev = -1;
    hasQueue = false;
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        readObject(p, "");
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable frame", e);
    }
  }

  /**
   * Reads an object's fields up to its end, each named by its path from the frame's root
   * ({@code body.data.rev}); true when everything needed is known and the rest can be left unread.
   */
  private boolean readObject(JsonParser p, String prefix) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String path = prefix + p.currentName();
      if (readField(p, path, p.nextToken())) {
        return true;
      }
    }
    return false;
  }

  /** One field, the parser at its value. A reply is done with data.rev, an event with data.queue. */
  private boolean readField(JsonParser p, String path, JsonToken value) throws IOException {
    switch (path) {
      case "type" -> type = p.getValueAsString();
      case "address" -> address = p.getValueAsString();
      case "failureType" -> code = p.getValueAsString();
      case "body", "body.data" -> {
        return value == JsonToken.START_OBJECT && readObject(p, path + ".");
      }
      case "body.type" -> eventType = p.getValueAsString();
      case "body.rev" -> rev = p.getValueAsLong(-1);
      case "body.success" -> success = value == JsonToken.VALUE_TRUE;
      case "body.code" -> code = p.getValueAsString();
      case "body.data.queue" -> {
        hasQueue = true;
        if (rev >= 0 && address != null) {
          return true;
        }
        p.skipChildren();
      }
      case "body.data.rev" -> {
        dataRev = p.getValueAsLong(-1);
        if (success && address != null) {
          return true;
        }
        p.skipChildren();
      }
      default -> p.skipChildren();
    }
    return false;
  }
}
