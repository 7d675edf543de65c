package dev.jamsession.runtime.jam;

import dev.jamsession.core.domain.JamEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON encoder of what a command produced: each event as {"type","rev","data"}
 * (PROTOCOL §5) and the reply's data, encoded to UTF-8 bytes once, where the command ran.
 */
public final class JamJson {
  private JamJson() {}

  public static byte[] event(JamEvent event) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", event.type().wireName());
    m.put("rev", event.rev());
    m.put("data", event.data());
    return encode(m);
  }

  public static byte[] encode(Map<String, Object> value) {
    return JsonBytes.encode(value);
  }
}
