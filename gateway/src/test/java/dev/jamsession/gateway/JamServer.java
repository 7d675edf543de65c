package dev.jamsession.gateway;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.CatalogConfig;
import dev.jamsession.catalog.Catalogs;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.session.SessionService;
import dev.jamsession.testkit.BridgeClient;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real services on a loopback cluster: session-service on data members and a gateway on a
 * lite member, each in its own Vert.x instance, plus helpers that act as clients would.
 */
final class JamServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private final int sessionMembers;
  private final int gateways;
  private final Map<String, String> env;
  TestCluster cluster;
  Catalog catalog;
  final List<JamNode> sessionNodes = new ArrayList<>();
  JamNode gatewayNode;
  /** The first gateway's port; {@link #ports} has every gateway's. */
  int port;
  final List<Integer> ports = new ArrayList<>();
  Vertx clients;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<BridgeClient> open = new ArrayList<>();

  private JamServer(int sessionMembers, int gateways, Map<String, String> env) {
    this.sessionMembers = sessionMembers;
    this.gateways = gateways;
    this.env = env;
  }

  /** Started now, for one test (try-with-resources). */
  static JamServer started(int sessionMembers, Map<String, String> env) throws Exception {
    JamServer server = new JamServer(sessionMembers, 1, env);
    server.start();
    return server;
  }

  /**
   * For a whole test class, as a static {@code @RegisterExtension} field: started before the
   * class's {@code @BeforeAll} methods, closed after its {@code @AfterAll} ones.
   */
  static JamServer perClass(int sessionMembers, Map<String, String> env) {
    return perClass(sessionMembers, 1, env);
  }

  /** {@code gateways} gateway nodes, each a lite member of its own. */
  static JamServer perClass(int sessionMembers, int gateways, Map<String, String> env) {
    return new JamServer(sessionMembers, gateways, env);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  private void start() throws Exception {
    clients = Vertx.vertx();
    cluster = new TestCluster(env);
    Path cache = Files.createTempDirectory("jam-cache");
    catalog = Catalogs.load(CatalogConfig.demo(cache));
    for (int i = 0; i < sessionMembers; i++) {
      JamConfig config = cluster.nextConfig();
      JamNode node = cluster.start(config, JamNode.Role.DATA);
      SessionService.deploy(node, config, catalog).await(30, TimeUnit.SECONDS);
      sessionNodes.add(node);
    }
    JamNode first = null;
    for (int i = 0; i < gateways; i++) {
      JamConfig config = cluster.nextConfig();
      JamNode node = cluster.start(config, JamNode.Role.LITE);
      ports.add(GatewayService.deploy(node, config, catalog).await(30, TimeUnit.SECONDS).actualPort());
      first = first == null ? node : first;
    }
    gatewayNode = first;
    port = ports.get(0);
  }

  /** A participant connected through the bridge, joined and subscribed to the jam's events. */
  record Member(BridgeClient client, String id, String resumeToken, JsonObject snapshot) {
    JsonObject send(String address, JsonObject body) throws Exception {
      return client.request(address, body);
    }

    String code() {
      return snapshot.getString("code");
    }

    JsonObject add(String songId) throws Exception {
      return send("jam.add-to-queue", new JsonObject().put("songId", songId));
    }
  }

  BridgeClient connect() throws Exception {
    return connect(true);
  }

  BridgeClient connect(boolean ping) throws Exception {
    return connectTo(port, ping);
  }

  /** A client of the gateway listening on {@code gatewayPort}. */
  BridgeClient connectTo(int gatewayPort, boolean ping) throws Exception {
    BridgeClient c = BridgeClient.connect(clients, gatewayPort, ping);
    open.add(c);
    return c;
  }

  /** The id of the catalog's {@code n}-th song. */
  String songId(int n) {
    return catalog.all().get(n).id();
  }

  JsonObject create(String hostName) throws Exception {
    return create(hostName, new JsonObject());
  }

  JsonObject create(String hostName, JsonObject settings) throws Exception {
    HttpResponse<String> r = post("/api/jam/create",
        new JsonObject().put("hostName", hostName).put("settings", settings).encode());
    JsonObject body = new JsonObject(r.body());
    if (r.statusCode() != 201) {
      throw new AssertionError("create failed: " + r.statusCode() + " " + r.body());
    }
    return body.getJsonObject("data");
  }

  /** A new jam (default settings) and its host, joined and subscribed; the code is in its snapshot. */
  Member hostOfNewJam(String hostName) throws Exception {
    JsonObject jam = create(hostName);
    return join(jam.getString("sessionCode"), hostName, jam.getString("hostToken"));
  }

  Member join(String code, String name, String hostToken) throws Exception {
    return join(connect(), code, name, hostToken);
  }

  Member join(BridgeClient c, String code, String name, String hostToken) throws Exception {
    return join(c, new JsonObject().put("code", code).put("userName", name).put("hostToken", hostToken));
  }

  Member join(BridgeClient c, JsonObject joinBody) throws Exception {
    JsonObject reply = c.request("jam.join-session", joinBody);
    if (!reply.getBoolean("success")) {
      throw new AssertionError("join failed: " + reply.encode());
    }
    JsonObject snapshot = reply.getJsonObject("data");
    String code = snapshot.getString("code");
    c.register("jam.events." + code);
    c.awaitEvent("subscribed");
    JsonObject you = snapshot.getJsonObject("you");
    return new Member(c, you.getString("participantId"), you.getString("resumeToken"), snapshot);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public void close() throws Exception {
    open.forEach(BridgeClient::close);
    if (clients != null) { // null: the start failed before it got there
      clients.close().await(10, TimeUnit.SECONDS);
    }
    if (cluster != null) {
      cluster.close();
    }
  }
}
