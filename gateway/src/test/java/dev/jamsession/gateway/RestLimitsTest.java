package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * REST limits per endpoint class with the default budgets, over real HTTP from one address: a
 * room of phones behind one NAT (issue 11). The windows are stretched to 10 minutes so that
 * however slow the machine, everything below falls in one window, which is harder on the
 * phones than a real minute spread over window boundaries.
 */
class RestLimitsTest {
  static final int PHONES = 30;
  /** Typing without pause for a minute, at the web client's debounce (250 ms): 4 searches a second. */
  static final int SEARCHES_PER_PHONE = 240;
  static final String[] WORDS = {"rock", "love", "night", "summer", "blue", "dance", "jazz", "city"};

  static final String TEN_MINUTES = "600000";
  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of("RATE_LIMIT_WINDOW", TEN_MINUTES, "CREATE_RATE_LIMIT_WINDOW", TEN_MINUTES));

  /** A phone's first request: the gateway's client cookie, as a browser would send it back. */
  static String cookieOf(HttpResponse<?> first) {
    String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  static HttpResponse<String> search(String cookie, String q) throws Exception {
    return server.get("/api/songs?limit=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "Cookie", cookie);
  }

  @Test
  void thirtyPhonesBehindOneNatSearchAsTheyTypeForAMinuteWhileAFloodFromOneIsLimited() throws Exception {
    List<String> cookies = new ArrayList<>();
    for (int i = 0; i < PHONES; i++) {
      cookies.add(cookieOf(server.get("/api/songs?limit=1")));
    }
    assertThat(cookies).doesNotHaveDuplicates();

    ExecutorService phones = Executors.newFixedThreadPool(PHONES);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int p = 0; p < PHONES; p++) {
        String cookie = cookies.get(p);
        int phone = p;
        results.add(phones.submit(() -> {
          List<Integer> statuses = new ArrayList<>();
          for (int k = 0; k < SEARCHES_PER_PHONE; k++) {
            String word = WORDS[(phone + k / 6) % WORDS.length];
            statuses.add(search(cookie, word.substring(0, 1 + k % word.length())).statusCode());
          }
          return statuses;
        }));
      }
      for (Future<List<Integer>> r : results) {
        assertThat(r.get(5, TimeUnit.MINUTES)).hasSize(SEARCHES_PER_PHONE).containsOnly(200);
      }
    } finally {
      phones.shutdownNow();
    }

    // One phone floods: it is refused with Retry-After, and its refusals cost the room nothing.
    String flooder = cookies.get(0);
    HttpResponse<String> last = null;
    int sent = 0;
    for (; sent < 400 && (last == null || last.statusCode() != 429); sent++) {
      last = search(flooder, "ro");
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(sent).isLessThanOrEqualTo(300 - SEARCHES_PER_PHONE + 1); // RATE_LIMIT_MAX default
    assertThat(new JsonObject(last.body()).getString("code")).isEqualTo("RATE_LIMITED");
    assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 600L));
    for (int i = 0; i < 200; i++) {
      search(flooder, "rock");
    }
    for (int p = 1; p < PHONES; p++) {
      assertThat(search(cookies.get(p), "jazz").statusCode()).as("phone " + p).isEqualTo(200);
    }
  }

  @Test
  void creatingJamsIsStrictAndSeparateFromSearch() throws Exception {
    String cookie = cookieOf(server.get("/api/songs?limit=1"));
    int created = 0;
    HttpResponse<String> r;
    do {
      r = server.post("/api/jam/create", "{\"hostName\":\"Ana\"}", "Cookie", cookie);
      created += r.statusCode() == 201 ? 1 : 0;
    } while (r.statusCode() == 201 && created < 50);
    assertThat(created).isEqualTo(10); // CREATE_RATE_LIMIT_MAX default
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(search(cookie, "love").statusCode()).isEqualTo(200);
  }

  @Test
  void aClientWithoutTheCookieCannotEscapeByDroppingIt() throws Exception {
    try (JamServer small = JamServer.started(1, Map.of("RATE_LIMIT_MAX", "20", "RATE_LIMIT_IP_MAX", "50",
        "RATE_LIMIT_WINDOW", TEN_MINUTES))) {
      List<Integer> statuses = new ArrayList<>();
      List<String> cookies = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        HttpResponse<String> r = small.get("/api/songs?limit=1"); // a fresh cookie each time, never sent back
        statuses.add(r.statusCode());
        cookies.add(cookieOf(r));
      }
      assertThat(statuses.subList(0, 20)).containsOnly(200);
      assertThat(statuses.subList(20, 30)).containsOnly(429);
      assertThat(small.get("/api/songs?limit=1", "Cookie", "jam_client=forged.value").statusCode()).isEqualTo(429);

      // Collected cookies buy budgets of their own, up to the address's ceiling: 20 + 20 + 10.
      for (int i = 0; i < 20; i++) {
        assertThat(small.get("/api/songs?limit=1", "Cookie", cookies.get(0)).statusCode()).isEqualTo(200);
      }
      List<Integer> second = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        second.add(small.get("/api/songs?limit=1", "Cookie", cookies.get(1)).statusCode());
      }
      assertThat(second.subList(0, 10)).containsOnly(200);
      assertThat(second.subList(10, 20)).containsOnly(429);
    }
  }
}
