package dev.jamsession.runtime.jam;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.catalog.SongView;
import io.vertx.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the domain's plain values (maps, lists, strings, numbers, booleans, null) as compact
 * UTF-8 JSON, straight into bytes. The partition thread encodes every event and reply, and
 * Jackson's map serialisation (a serializer lookup per value) was a tenth of its time
 * (docs/ARCHITECTURE.md, "Overload"). Characters outside the BMP stay UTF-8 (Jackson's
 * byte output escapes them as surrogate pairs); a lone surrogate is escaped, so the output is
 * always valid UTF-8 and valid JSON. Any other type is left to Jackson.
 */
final class JsonBytes {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private static final int MAX_CACHED_SONGS = 100_000;
  private static final Map<Song, byte[]> SONG_JSON = new ConcurrentHashMap<>();

  private byte[] buf = new byte[1024];
  private int len;

  private JsonBytes() {}

  static byte[] encode(Object value) {
    JsonBytes out = new JsonBytes();
    out.value(value);
    return Arrays.copyOf(out.buf, out.len);
  }

  private void value(Object v) {
    if (v == null) {
      ascii("null");
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof SongView song) {
      raw(songJson(song));
    } else if (v instanceof Map<?, ?> m) {
      object(m);
    } else if (v instanceof Collection<?> c) {
      array(c);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
      ascii(v.toString());
    } else if (v instanceof Double d && Double.isFinite(d)) {
      ascii(d.toString());
    } else {
      raw(Json.encode(v).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A song's JSON, encoded once per song: a queue-updated event carries every queued song, and
   * songs make most of its bytes. Bounded: emptied when it holds more songs than a catalog has.
   */
  private static byte[] songJson(SongView view) {
    byte[] json = SONG_JSON.get(view.song());
    if (json == null) {
      JsonBytes out = new JsonBytes();
      out.object(view);
      json = Arrays.copyOf(out.buf, out.len);
      if (SONG_JSON.size() >= MAX_CACHED_SONGS) {
        SONG_JSON.clear();
      }
      SONG_JSON.put(view.song(), json);
    }
    return json;
  }

  private void object(Map<?, ?> m) {
    ensure(1);
    buf[len++] = '{';
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!first) {
        ensure(1);
        buf[len++] = ',';
      }
      first = false;
      string(String.valueOf(e.getKey()));
      ensure(1);
      buf[len++] = ':';
      value(e.getValue());
    }
    ensure(1);
    buf[len++] = '}';
  }

  private void array(Collection<?> c) {
    ensure(1);
    buf[len++] = '[';
    boolean first = true;
    for (Object o : c) {
      if (!first) {
        ensure(1);
        buf[len++] = ',';
      }
      first = false;
      value(o);
    }
    ensure(1);
    buf[len++] = ']';
  }

  private void string(String s) {
    int n = s.length();
    ensure(n * 6 + 2); // the worst case: every char escaped
    buf[len++] = '"';
    if (plainAscii(s)) {
      System.arraycopy(s.getBytes(StandardCharsets.ISO_8859_1), 0, buf, len, n);
      len += n;
      buf[len++] = '"';
      return;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c == '"' || c == '\\') {
          escape(c);
        } else {
          buf[len++] = (byte) c;
        }
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | c >> 6);
        buf[len++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xf0 | cp >> 18);
        buf[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
        buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
        buf[len++] = (byte) (0x80 | cp & 0x3f);
      } else if (Character.isSurrogate(c)) {
        escape(c);
      } else {
        buf[len++] = (byte) (0xe0 | c >> 12);
        buf[len++] = (byte) (0x80 | c >> 6 & 0x3f);
        buf[len++] = (byte) (0x80 | c & 0x3f);
      }
    }
    buf[len++] = '"';
  }

  /**
   * Most strings (ids, titles, URLs) need neither escapes nor multi-byte UTF-8: those are copied
   * as they are, the common case of a string event's encoding.
   */
  private static boolean plainAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Room was ensured by the caller. */
  private void escape(char c) {
    buf[len++] = '\\';
    switch (c) {
      case '"' -> buf[len++] = '"';
      case '\\' -> buf[len++] = '\\';
      case '\n' -> buf[len++] = 'n';
      case '\r' -> buf[len++] = 'r';
      case '\t' -> buf[len++] = 't';
      default -> {
        buf[len++] = 'u';
        buf[len++] = HEX[c >> 12 & 0xf];
        buf[len++] = HEX[c >> 8 & 0xf];
        buf[len++] = HEX[c >> 4 & 0xf];
        buf[len++] = HEX[c & 0xf];
      }
    }
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
