package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Audio over real HTTP: its own per-client budget, and a bounded demo renderer (issue 11, finding 8). */
class AudioLimitsTest {

  static List<String> audioUrls(JamServer server, int n) throws Exception {
    JsonArray songs = new JsonObject(server.get("/api/songs?limit=" + n).body()).getJsonObject("data").getJsonArray("songs");
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < songs.size(); i++) {
      urls.add(songs.getJsonObject(i).getString("audioUrl"));
    }
    return urls;
  }

  @Test
  void aBurstOfFirstRequestsForDifferentSongsIsBoundedWith503AndRetryAfter() throws Exception {
    try (JamServer server = JamServer.started(1, Map.of())) {
      List<String> urls = audioUrls(server, 24);
      HttpClient http = HttpClient.newHttpClient();
      List<CompletableFuture<HttpResponse<byte[]>>> burst = new ArrayList<>();
      for (String url : urls) {
        burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + url))
            .header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray()));
      }
      int served = 0;
      int busy = 0;
      for (CompletableFuture<HttpResponse<byte[]>> f : burst) {
        HttpResponse<byte[]> r = f.get(5, TimeUnit.MINUTES);
        if (r.statusCode() == 206) {
          served++;
          assertThat(r.body()).hasSize(100);
        } else {
          busy++;
          assertThat(r.statusCode()).isEqualTo(503);
          assertThat(new JsonObject(new String(r.body())).getString("code")).isEqualTo("UNAVAILABLE");
          assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 10L));
        }
      }
      assertThat(busy).as("refused beyond the bound").isPositive();
      assertThat(served).as("rendered").isGreaterThanOrEqualTo(8);
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void audioIsThrottledPerClientInABucketOfItsOwn() throws Exception {
    try (JamServer server = JamServer.started(1, Map.of("AUDIO_RATE_LIMIT_MAX", "10", "RATE_LIMIT_MAX", "50",
        "AUDIO_RATE_LIMIT_WINDOW", RestLimitsTest.TEN_MINUTES))) {
      String url = audioUrls(server, 1).get(0);
      String cookie = server.get("/api/songs?limit=1").headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      // Audio answers are publicly cacheable: they never hand out a client id.
      assertThat(server.getBytes(url, "Range", "bytes=0-9").headers().firstValue("Set-Cookie")).isEmpty();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        statuses.add(server.getBytes(url, "Range", "bytes=0-9", "Cookie", cookie).statusCode());
      }
      assertThat(statuses.subList(0, 10)).containsOnly(206);
      assertThat(statuses.subList(10, 15)).containsOnly(429);
      HttpResponse<byte[]> limited = server.getBytes(url, "Cookie", cookie);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      // Searching is another bucket, and another phone's audio another budget.
      assertThat(server.get("/api/songs?q=rock", "Cookie", cookie).statusCode()).isEqualTo(200);
      String other = server.get("/api/songs?limit=1").headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      assertThat(server.getBytes(url, "Range", "bytes=0-9", "Cookie", other).statusCode()).isEqualTo(206);
    }
  }
}
