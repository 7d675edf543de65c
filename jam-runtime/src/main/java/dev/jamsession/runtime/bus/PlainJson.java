package dev.jamsession.runtime.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as the domain takes them: objects as Maps and arrays as Lists at every depth. A
 * message decoded from the wire nests plain Maps and Lists, one copied in the same JVM nests
 * JsonObjects and JsonArrays; the domain (which knows no JSON library) must see one form.
 */
public final class PlainJson {
  private PlainJson() {}

  public static Object of(Object value) {
    if (value instanceof JsonObject o) {
      return map(o.getMap());
    }
    if (value instanceof JsonArray a) {
      return list(a.getList());
    }
    if (value instanceof Map<?, ?> m) {
      return map(m);
    }
    if (value instanceof List<?> l) {
      return list(l);
    }
    return value;
  }

  /** A JSON object's fields, plain. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> of(JsonObject object) {
    return (Map<String, Object>) of((Object) object);
  }

  private static Map<String, Object> map(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
    return out;
  }

  private static List<Object> list(List<?> l) {
    List<Object> out = new ArrayList<>(l.size());
    l.forEach(v -> out.add(of(v)));
    return out;
  }
}
