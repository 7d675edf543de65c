package dev.jamsession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The management port's /metrics is the operator's once ADMIN_TOKEN is set (issue 11, finding 11). */
class ManagementServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsNeedTheAdminTokenAndHealthDoesNot() throws Exception {
    try (TestCluster cluster = new TestCluster(Map.of("ADMIN_TOKEN", "ops-secret", "MANAGEMENT_PORT", "0"))) {
      JamConfig config = cluster.nextConfig();
      JamNode node = cluster.start(config, JamNode.Role.DATA);
      ManagementServer server = new ManagementServer(node, config, () -> Future.succeededFuture(Map.of()));
      node.vertx().deployVerticle(server).await(30, TimeUnit.SECONDS);
      int port = server.actualPort();

      HttpResponse<String> refused = get(port, "/metrics");
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(refused.body()).doesNotContain("jvm_");
      assertThat(get(port, "/metrics", "Authorization", "Bearer ops-secreT").statusCode()).isEqualTo(401);
      assertThat(get(port, "/metrics", "Authorization", "Basic b3BzLXNlY3JldA==").statusCode()).isEqualTo(401);
      HttpResponse<String> scraped = get(port, "/metrics", "Authorization", "Bearer ops-secret");
      assertThat(scraped.statusCode()).isEqualTo(200);
      assertThat(scraped.body()).contains("jvm_");
      assertThat(get(port, "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withoutATokenMetricsStayOpen() throws Exception {
    try (TestCluster cluster = new TestCluster(Map.of("MANAGEMENT_PORT", "0"))) {
      JamConfig config = cluster.nextConfig();
      JamNode node = cluster.start(config, JamNode.Role.DATA);
      ManagementServer server = new ManagementServer(node, config, () -> Future.succeededFuture(Map.of()));
      node.vertx().deployVerticle(server).await(30, TimeUnit.SECONDS);
      assertThat(get(server.actualPort(), "/metrics").statusCode()).isEqualTo(200);
    }
  }
}
