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
        readObject(p, this::frameField);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable frame", e);
    }
  }

  /** Reads one field of an object, the parser at its value; true when the rest can be left unread. */
  private interface FieldReader {
    boolean read(JsonParser p, String field, JsonToken value) throws IOException;
  }

  /** Reads an object's fields up to its end, or until the reader has everything it needs. */
  private static boolean readObject(JsonParser p, FieldReader reader) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      if (reader.read(p, field, p.nextToken())) {
        return true;
      }
    }
    return false;
  }

  private boolean frameField(JsonParser p, String field, JsonToken value) throws IOException {
    switch (field) {
      case "type" -> type = p.getValueAsString();
      case "address" -> address = p.getValueAsString();
      case "failureType" -> code = p.getValueAsString();
      case "body" -> {
        return value == JsonToken.START_OBJECT && readObject(p, this::bodyField);
      }
      default -> p.skipChildren();
    }
    return false;
  }

  private boolean bodyField(JsonParser p, String field, JsonToken value) throws IOException {
    switch (field) {
      case "type" -> eventType = p.getValueAsString();
      case "rev" -> rev = p.getValueAsLong(-1);
      case "success" -> success = value == JsonToken.VALUE_TRUE;
      case "code" -> code = p.getValueAsString();
      case "data" -> {
        return value == JsonToken.START_OBJECT && readObject(p, this::dataField);
      }
      default -> p.skipChildren();
    }
    return false;
  }

  private boolean dataField(JsonParser p, String field, JsonToken value) throws IOException {
    if (field.equals("queue")) {
      hasQueue = true;
      if (rev >= 0 && address != null) {
        return true;
      }
    } else if (field.equals("rev")) {
      dataRev = p.getValueAsLong(-1);
      if (success && address != null) {
        return true;
      }
    }
    p.skipChildren();
    return false;
  }
}
