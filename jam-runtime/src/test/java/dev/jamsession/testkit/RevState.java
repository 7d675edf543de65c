package dev.jamsession.testkit;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A jam as a client rebuilds it from events with PROTOCOL §5's rev rule: start from a snapshot,
 * then apply each snapshot field an event carries only if the event's rev is greater than the rev
 * at which that field was last applied. Used by the protocol fuzzer and the system tests to
 * compare an observer's view with a fresh {@code jam.snapshot}.
 */
public final class RevState {
  /** The snapshot fields (§6) the fuzzer compares; serverTime and you are per-request. */
  public static final List<String> FIELDS = List.of(
      "queue", "participants", "hostId", "current", "settings", "skipVotes", "playback", "history");

  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, Long> revs = new HashMap<>();
  private long maxRev;
  private boolean ended;

  public RevState(JsonObject snapshot) {
    long rev = snapshot.getLong("rev");
    for (String f : FIELDS) {
      values.put(f, snapshot.getValue(f));
      revs.put(f, rev);
    }
    maxRev = rev;
  }

  /** Applies one event body {type, rev, data}, ignoring any with a rev above {@code upTo}. */
  public void apply(JsonObject event, long upTo) {
    Object rawRev = event.getValue("rev");
    if (!(rawRev instanceof Number n) || !(event.getValue("data") instanceof JsonObject data)) {
      return;
    }
    long rev = n.longValue();
    if ("session-ended".equals(event.getString("type"))) {
      ended = true;
    }
    if (rev > upTo) {
      return;
    }
    maxRev = Math.max(maxRev, rev);
    for (String f : FIELDS) {
      if (data.containsKey(f) && rev > revs.get(f)) {
        values.put(f, data.getValue(f));
        revs.put(f, rev);
      }
    }
  }

  public void apply(JsonObject event) {
    apply(event, Long.MAX_VALUE);
  }

  public static RevState rebuild(JsonObject snapshot, List<JsonObject> events, long upTo) {
    RevState s = new RevState(snapshot);
    events.forEach(e -> s.apply(e, upTo));
    return s;
  }

  public boolean ended() {
    return ended;
  }

  public long maxRev() {
    return maxRev;
  }

  public Object get(String field) {
    return values.get(field);
  }

  /** The compared fields as one object. */
  public JsonObject view() {
    JsonObject out = new JsonObject();
    FIELDS.forEach(f -> out.put(f, values.get(f)));
    return out;
  }

  public static JsonObject view(JsonObject snapshot) {
    JsonObject out = new JsonObject();
    FIELDS.forEach(f -> out.put(f, snapshot.getValue(f)));
    return out;
  }

  /** The fields where two views differ, for a failure message. */
  public static String diff(JsonObject expected, JsonObject actual) {
    StringBuilder sb = new StringBuilder();
    for (String f : FIELDS) {
      Object a = expected.getValue(f);
      Object b = actual.getValue(f);
      if (!same(a, b)) {
        sb.append("\n    ").append(f).append(": snapshot=").append(a).append("\n    ").append(f)
            .append(": rebuilt =").append(b);
      }
    }
    return sb.toString();
  }

  public static boolean same(Object a, Object b) {
    // Through encode/decode so that number types (1 vs 1L vs 1.0) compare as JSON does.
    Object x = new JsonObject().put("v", a).encode();
    Object y = new JsonObject().put("v", b).encode();
    return x.equals(y) || new JsonObject((String) x).equals(new JsonObject((String) y));
  }

  public boolean matches(JsonObject snapshot) {
    for (String f : FIELDS) {
      if (!same(snapshot.getValue(f), values.get(f))) {
        return false;
      }
    }
    return true;
  }
}
