package dev.jamsession.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code data} of a command's success reply, rendered from the jam as the command left it
 * (so a reply shows the same state as the events of the same revision).
 */
@FunctionalInterface
interface Reply {
  Reply EMPTY = jam -> Map.of();

  Map<String, Object> render(Jam jam);

  /** A reply of one field, e.g. {item} or {playback}. */
  static Reply of(String key, Function<Jam, Object> value) {
    return jam -> single(key, value.apply(jam));
  }

  static Reply snapshotFor(String participantId, long now) {
    return jam -> Views.snapshot(jam, participantId, now);
  }

  /** What a screen sees (PROTOCOL §12): the snapshot without {@code you}. */
  static Reply screenSnapshot(long now) {
    return jam -> Views.screenSnapshot(jam, now);
  }

  static Map<String, Object> single(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  static Map<String, Object> withRev(Map<String, Object> data, long rev) {
    Map<String, Object> m = new LinkedHashMap<>(data);
    m.put("rev", rev);
    return m;
  }
}
