package dev.jamsession.runtime.jam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Song;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonBytesTest {

  @Test
  void writesWhatJacksonWritesForTheDomainsValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "Storm of Reykjavík — \"live\" \\ 中文 / tab\tnew\nline\u0001\u001f");
    m.put("rev", 42L);
    m.put("score", -3);
    m.put("skipThreshold", 0.5);
    m.put("big", 1.0e21);
    m.put("isPlaying", true);
    m.put("current", null);
    m.put("queue", List.of(Map.of("id", "q-1"), List.of(), Map.of()));
    assertThat(new String(JsonBytes.encode(m), StandardCharsets.UTF_8)).isEqualTo(Json.encode(m));
  }

  @Test
  void aSongIsWrittenAsItsPublicFieldsInOrderAndChangedFieldsAreNeverServedFromBefore() {
    Song song = new Song("d-1", "Fiancée \"live\"", "Léa", "Thunder & Highway", "Pop", 2021, 215_000,
        "/api/songs/d-1/audio", null, 0.5);
    Map<String, Object> plain = new LinkedHashMap<>();
    plain.put("id", "d-1");
    plain.put("title", "Fiancée \"live\"");
    plain.put("artist", "Léa");
    plain.put("album", "Thunder & Highway");
    plain.put("genre", "Pop");
    plain.put("year", 2021);
    plain.put("durationMs", 215_000L);
    plain.put("audioUrl", "/api/songs/d-1/audio");
    assertThat(song.toMap()).isEqualTo(plain).containsExactlyEntriesOf(plain);
    String expected = Json.encode(Map.of("queue", List.of(Map.of("song", plain))));
    for (int i = 0; i < 2; i++) { // the second time from the cache
      assertThat(new String(JsonBytes.encode(Map.of("queue", List.of(Map.of("song", song.toMap())))),
          StandardCharsets.UTF_8)).isEqualTo(expected);
    }
    Song retitled = new Song("d-1", "Another", "Léa", "Thunder & Highway", "Pop", 2021, 215_000,
        "/api/songs/d-1/audio", null, 0.5);
    assertThat(new String(JsonBytes.encode(retitled.toMap()), StandardCharsets.UTF_8)).contains("\"title\":\"Another\"");
    assertThat(new JsonObject(song.toMap()).encode()).isEqualTo(Json.encode(plain)); // a plain map to Jackson too
  }

  @Test
  void keepsCharactersOutsideTheBmpAsUtf8AndEscapesLoneSurrogates() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "🎵 Ana 👩‍👩‍👧");
    m.put("odd", "a\ud83cb\udfb5");
    byte[] bytes = JsonBytes.encode(m);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("🎵 Ana 👩‍👩‍👧").contains("a\\uD83Cb\\uDFB5");
    assertThat(new JsonObject(Buffer.buffer(bytes)).getMap()).isEqualTo(m);
  }

  @Test
  void randomValuesRoundTripAsValidUtf8() throws Exception {
    Random rnd = new Random(20261202L);
    for (int i = 0; i < 2_000; i++) {
      Map<String, Object> m = randomMap(rnd, 3);
      byte[] bytes = JsonBytes.encode(m);
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      assertThat(new JsonObject(Buffer.buffer(bytes))).isEqualTo(new JsonObject(m));
    }
  }

  private static Map<String, Object> randomMap(Random rnd, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    int n = rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      m.put(randomString(rnd), randomValue(rnd, depth));
    }
    return m;
  }

  private static Object randomValue(Random rnd, int depth) {
    return switch (depth == 0 ? rnd.nextInt(5) : rnd.nextInt(7)) {
      case 0 -> randomString(rnd);
      case 1 -> rnd.nextLong();
      case 2 -> rnd.nextBoolean();
      case 3 -> null;
      case 4 -> rnd.nextInt();
      case 5 -> randomMap(rnd, depth - 1);
      default -> {
        List<Object> list = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          list.add(randomValue(rnd, depth - 1));
        }
        yield list;
      }
    };
  }

  /** Surrogate pairs kept whole: a lone one could not survive Jackson's parse for the comparison. */
  private static String randomString(Random rnd) {
    StringBuilder s = new StringBuilder();
    for (int i = rnd.nextInt(12); i > 0; i--) {
      int cp = switch (rnd.nextInt(4)) {
        case 0 -> rnd.nextInt(0x80);
        case 1 -> 0x80 + rnd.nextInt(0x780);
        case 2 -> 0x800 + rnd.nextInt(0xd000);
        default -> 0x10000 + rnd.nextInt(0x10000);
      };
      s.appendCodePoint(cp);
    }
    return s.toString();
  }
}
