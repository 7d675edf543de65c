package dev.jamsession.launcher;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.CatalogConfig;
import dev.jamsession.catalog.Catalogs;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.testkit.BridgeClient;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The embedded default as the launcher deploys it, on a one-member loopback cluster, with client helpers. */
final class AllInOne implements AutoCloseable {
  final Catalog catalog;
  final int port;
  private final TestCluster cluster = new TestCluster(Map.of("RATE_LIMIT_MAX", "10000"));
  private final Vertx clients = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();

  AllInOne() throws Exception {
    JamConfig config = cluster.nextConfig();
    JamNode node = cluster.start(config, JamNode.Role.DATA);
    catalog = Catalogs.load(CatalogConfig.demo(Files.createTempDirectory("jam-cache")));
    port = JamSession.deployAll(node, config, catalog).await(60, TimeUnit.SECONDS).actualPort();
  }

  String get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /** {sessionCode, hostToken} of a new jam. */
  JsonObject create(String hostName) throws Exception {
    return new JsonObject(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jam/create"))
            .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("hostName", hostName).encode())).build(),
        HttpResponse.BodyHandlers.ofString()).body()).getJsonObject("data");
  }

  /** A client joined to {@code code}; with {@code subscribe}, registered and live on its events. */
  BridgeClient join(String code, String name, String hostToken, boolean subscribe) throws Exception {
    BridgeClient c = BridgeClient.connect(clients, port);
    c.request("jam.join-session", new JsonObject().put("code", code).put("userName", name).put("hostToken", hostToken));
    if (subscribe) {
      c.register("jam.events." + code);
      c.awaitEvent("subscribed");
    }
    return c;
  }

  @Override
  public void close() throws Exception {
    clients.close().await(10, TimeUnit.SECONDS);
    cluster.close();
  }
}
