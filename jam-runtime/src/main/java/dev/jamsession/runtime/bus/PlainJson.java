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

  /**
   * The value with JsonObjects and JsonArrays replaced by their contents; a value already plain
   * (every message decoded from the wire) is returned as it is, so a command's body is not copied.
   */
  public static Object of(Object value) {
    Object v = value instanceof JsonObject o ? o.getMap() : value instanceof JsonArray a ? a.getList() : value;
    if (isPlain(v)) {
      return v;
    }
    return v instanceof Map<?, ?> m ? map(m) : list((List<?>) v);
  }

  /** A JSON object's fields, plain. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> of(JsonObject object) {
    return (Map<String, Object>) of((Object) object);
  }

  private static boolean isPlain(Object v) {
    if (v instanceof JsonObject || v instanceof JsonArray) {
      return false;
    }
    if (v instanceof Map<?, ?> m) {
      return m.values().stream().allMatch(PlainJson::isPlain);
    }
    return !(v instanceof List<?> l) || l.stream().allMatch(PlainJson::isPlain);
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
