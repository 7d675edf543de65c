package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL §7 over real HTTP: statuses, envelopes, tokens kept private, limits. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestApiTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of("RATE_LIMIT_MAX", "40", "RATE_LIMIT_WINDOW", "600000", "CREATE_RATE_LIMIT_MAX", "1000",
      "ADMIN_TOKEN", "admin-secret-for-tests"));

  static JsonObject json(HttpResponse<String> r) {
    return new JsonObject(r.body());
  }

  @Test
  void createValidatesItsInput() throws Exception {
    HttpResponse<String> ok = server.post("/api/jam/create", "{\"hostName\":\"  Ana  \",\"settings\":{\"listed\":true}}");
    assertThat(ok.statusCode()).isEqualTo(201);
    String code = json(ok).getJsonObject("data").getString("sessionCode");

    for (String bad : new String[] {"{}", "{\"hostName\":\"\"}", "{\"hostName\":\"" + "a".repeat(21) + "\"}",
        "[1]", "not json", "{\"hostName\":\"Ana\",\"settings\":{\"maxQueueSize\":0}}",
        "{\"hostName\":\"Ana\",\"settings\":{\"skipThreshold\":1.5}}", "{\"hostName\":\"Ana\",\"settings\":5}"}) {
      HttpResponse<String> r = server.post("/api/jam/create", bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(json(r).getString("code")).as(bad).isEqualTo("INVALID_INPUT");
    }
    HttpResponse<String> big = server.post("/api/jam/create", "{\"hostName\":\"" + "a".repeat(2000) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(json(big).getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");

    HttpResponse<String> summary = server.get("/api/jam/session/" + code.toLowerCase());
    assertThat(summary.statusCode()).isEqualTo(200);
    JsonObject data = json(summary).getJsonObject("data");
    assertThat(data.getString("hostName")).isEqualTo("Ana");
    assertThat(data.fieldNames()).containsExactlyInAnyOrder("code", "hostName", "participantCount", "queueLength", "nowPlaying", "createdAt");
    assertThat(summary.body()).doesNotContain(json(ok).getJsonObject("data").getString("hostToken"));
    assertThat(server.get("/api/jam/session/ZZZZZ9").statusCode()).isEqualTo(404);
    assertThat(json(server.get("/api/jam/session/bad!")).getString("code")).isEqualTo("INVALID_INPUT");
  }

  @Test
  void onlyListedJamsAreActiveUnlessTheAdminAsks() throws Exception {
    String listed = json(server.post("/api/jam/create", "{\"hostName\":\"Pub\",\"settings\":{\"listed\":true}}"))
        .getJsonObject("data").getString("sessionCode");
    String hidden = json(server.post("/api/jam/create", "{\"hostName\":\"Priv\"}")).getJsonObject("data").getString("sessionCode");
    String open = server.get("/api/jam/active-sessions").body();
    assertThat(open).contains(listed).doesNotContain(hidden);
    String admin = server.get("/api/jam/active-sessions", "Authorization", "Bearer admin-secret-for-tests").body();
    assertThat(admin).contains(listed, hidden);
    assertThat(server.get("/api/jam/active-sessions", "Authorization", "Bearer wrong").body()).doesNotContain(hidden);
  }

  @Test
  void songsAreSearchedPagedAndStreamedWithRanges() throws Exception {
    JsonObject page = json(server.get("/api/songs?limit=5&offset=2")).getJsonObject("data");
    assertThat(page.getInteger("total")).isGreaterThanOrEqualTo(200);
    assertThat(page.getJsonArray("songs")).hasSize(5);
    JsonObject song = page.getJsonArray("songs").getJsonObject(0);
    assertThat(json(server.get("/api/songs/" + song.getString("id"))).getJsonObject("data")).isEqualTo(song);
    assertThat(server.get("/api/songs/nope").statusCode()).isEqualTo(404);
    assertThat(server.get("/api/songs?limit=0").statusCode()).isEqualTo(400);
    assertThat(server.get("/api/songs?limit=501").statusCode()).isEqualTo(400);

    HttpResponse<byte[]> whole = server.getBytes(song.getString("audioUrl"));
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/"));
    HttpResponse<byte[]> part = server.getBytes(song.getString("audioUrl"), "Range", "bytes=100-199");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + whole.body().length);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 100, 200));
    HttpResponse<byte[]> beyond = server.getBytes(song.getString("audioUrl"), "Range", "bytes=" + whole.body().length + "-");
    assertThat(beyond.statusCode()).isEqualTo(416);
  }

  @Test
  void healthReadinessAndMetricsAnswer() throws Exception {
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = server.get("/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).getBoolean("cluster")).isTrue();
    HttpResponse<String> local = server.get("/ready/local");
    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(json(local).getString("status")).isEqualTo("READY");
    // Finding 11: with ADMIN_TOKEN set, /metrics is the operator's, like /api/status.
    assertThat(server.get("/metrics").statusCode()).isEqualTo(401);
    assertThat(server.get("/metrics", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> scraped = server.get("/metrics", "Authorization", "Bearer admin-secret-for-tests");
    assertThat(scraped.statusCode()).isEqualTo(200);
    String metrics = scraped.body();
    assertThat(metrics).as(metrics.substring(0, Math.min(500, metrics.length()))).contains("jvm_memory");
  }

  @Test
  void theLocalReadinessLeavesTheSessionServiceOutAndFailsWhileTheGatewayDrains() throws Exception {
    // A gateway whose cluster has no session-service (a data member without it): /ready fails,
    // /ready/local (the load balancer's check) does not.
    try (TestCluster cluster = new TestCluster(Map.of("DRAIN_DELAY", "5000"))) {
      cluster.start(JamNode.Role.DATA);
      JamConfig config = cluster.nextConfig();
      JamNode gateway = cluster.start(config, JamNode.Role.LITE);
      int port = GatewayService.deploy(gateway, config, server.catalog).await(30, TimeUnit.SECONDS).actualPort();
      HttpResponse<String> ready = get(port, "/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(json(ready).getBoolean("sessionService")).isFalse();
      HttpResponse<String> local = get(port, "/ready/local");
      assertThat(local.statusCode()).isEqualTo(200);
      assertThat(json(local)).isEqualTo(new JsonObject().put("status", "READY").put("cluster", true).put("catalog", true));

      // As on SIGTERM: during DRAIN_DELAY the gateway still serves, and /ready/local fails.
      Vertx vertx = gateway.vertx();
      List<Future<Void>> stopped = vertx.deploymentIDs().stream().map(vertx::undeploy).toList();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
      HttpResponse<String> draining = get(port, "/ready/local");
      // Polls: nothing announces that the verticles' stop began but /ready/local itself.
      while (draining.statusCode() == 200 && System.nanoTime() < deadline) {
        draining = get(port, "/ready/local");
      }
      assertThat(draining.statusCode()).isEqualTo(503);
      assertThat(json(draining).getString("status")).isEqualTo("STOPPING");
      assertThat(get(port, "/health").statusCode()).as("still serving while it drains").isEqualTo(200);
      Future.all(stopped).await(30, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theStatusPageNumbersNeedTheAdminToken() throws Exception {
    server.create("Stat");
    assertThat(server.get("/api/status").statusCode()).isEqualTo(403);
    JsonObject status = json(server.get("/api/status", "Authorization", "Bearer admin-secret-for-tests")).getJsonObject("data");
    assertThat(status.getJsonObject("jams").getLong("jams")).isGreaterThanOrEqualTo(1);
    assertThat(status.fieldNames()).contains("connections", "messagesIn", "messagesOut", "broadcastLatencyMs", "serverTime");
  }

  @Test
  @Order(Integer.MAX_VALUE) // spends this address's budget: the other tests run first
  void restIsRateLimitedPerAddressWithRetryAfter() throws Exception {
    HttpResponse<String> last = null;
    for (int i = 0; i < 60 && (last == null || last.statusCode() != 429); i++) {
      last = server.get("/api/songs?limit=1");
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(json(last).getString("code")).isEqualTo("RATE_LIMITED");
    assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
  }
}
