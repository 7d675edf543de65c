package dev.jamsession.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.catalog.CatalogConfig;
import dev.jamsession.catalog.Catalogs;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.runtime.bus.CommandEnvelope;
import dev.jamsession.runtime.bus.EventMessage;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.session.SessionService;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Eviction with timeouts of seconds on a real cluster: a session member and two cleanup
 * instances on lite members sweeping at once. The test speaks to session-service on its
 * internal addresses as the gateway would.
 */
class CleanupTest {
  @Test
  void idleAndEmptyJamsEndOnceAndActiveOnesStay() throws Exception {
    Map<String, String> env = Map.of("SESSION_TIMEOUT", "3000", "CLEANUP_INTERVAL", "300",
        "DISCONNECT_GRACE", "1000");
    try (TestCluster cluster = new TestCluster(env)) {
      JamConfig dataConfig = cluster.nextConfig();
      JamNode data = cluster.start(dataConfig, JamNode.Role.DATA);
      SessionService.deploy(data, dataConfig,
          Catalogs.load(CatalogConfig.demo(Files.createTempDirectory("jam-cache")))).await(30, TimeUnit.SECONDS);
      for (int i = 0; i < 2; i++) {
        JamConfig config = cluster.nextConfig();
        CleanupService.deploy(cluster.start(config, JamNode.Role.LITE), config).await(30, TimeUnit.SECONDS);
      }
      EventBus bus = data.vertx().eventBus();
      List<JsonObject> ended = new CopyOnWriteArrayList<>();
      Map<String, String> hostTokens = new java.util.concurrent.ConcurrentHashMap<>();

      String idle = create(bus, ended, hostTokens);
      String active = create(bus, ended, hostTokens);
      String empty = create(bus, ended, hostTokens);
      join(bus, idle, "Ana", null);
      String activeHost = join(bus, active, "Ben", hostTokens.get(active));
      String emptyHost = join(bus, empty, "Cy", null);
      command(bus, empty, emptyHost, "jam.leave-session", new JsonObject());

      AtomicBoolean listed = new AtomicBoolean();
      long keepAlive = data.vertx().setPeriodic(300, id -> command(bus, active, activeHost, "jam.update-settings",
          new JsonObject().put("listed", flip(listed)))); // every call changes the jam
      Promise<Void> bothEnded = Promise.promise();
      long check = data.vertx().setPeriodic(100, id -> {
        if (ended.stream().map(e -> e.getString("code")).distinct().count() >= 2) {
          bothEnded.tryComplete();
        }
      });
      bothEnded.future().await(20, TimeUnit.SECONDS);
      data.vertx().cancelTimer(check);

      assertThat(ended).extracting(e -> e.getString("code") + ":" + e.getString("reason"))
          .containsExactlyInAnyOrder(empty + ":empty", idle + ":idle");
      JsonObject summary = request(bus, Addresses.SESSION_SUMMARY, new JsonObject().put("code", active));
      assertThat(summary.getBoolean("success")).isTrue();
      assertThat(request(bus, Addresses.SESSION_SUMMARY, new JsonObject().put("code", idle)).getString("code"))
          .isEqualTo("NOT_FOUND");
      data.vertx().cancelTimer(keepAlive);
    }
  }

  private static boolean flip(AtomicBoolean b) {
    boolean next = !b.get();
    b.set(next);
    return next;
  }

  private static String create(EventBus bus, List<JsonObject> ended, Map<String, String> hostTokens) throws Exception {
    JsonObject created = request(bus, Addresses.SESSION_CREATE, new JsonObject().put("hostName", "Host"))
        .getJsonObject("data");
    String code = created.getString("sessionCode");
    hostTokens.put(code, created.getString("hostToken"));
    // Events travel encoded once, with their type in a header (EventMessage).
    bus.<io.vertx.core.buffer.Buffer>consumer(Addresses.events(code), msg -> {
      if ("session-ended".equals(EventMessage.type(msg))) {
        ended.add(new JsonObject().put("code", code)
            .put("reason", new JsonObject(msg.body()).getJsonObject("data").getString("reason")));
      }
    }).completion().await(10, TimeUnit.SECONDS);
    return code;
  }

  private static String join(EventBus bus, String code, String name, String hostToken) throws Exception {
    return command(bus, code, null, "jam.join-session",
        new JsonObject().put("code", code).put("userName", name).put("hostToken", hostToken))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
        .getJsonObject("data").getJsonObject("you").getString("participantId");
  }

  private static io.vertx.core.Future<JsonObject> command(EventBus bus, String code, String participantId,
                                                          String cmd, JsonObject body) {
    CommandEnvelope envelope = new CommandEnvelope(java.util.UUID.randomUUID().toString(), System.currentTimeMillis(),
        cmd, code, participantId, "test-" + code, body);
    return bus.<JsonObject>request(Addresses.SESSION_COMMAND, envelope.toJson()).map(m -> m.body());
  }

  private static JsonObject request(EventBus bus, String address, JsonObject body) throws Exception {
    return bus.<JsonObject>request(address, body).await(10, TimeUnit.SECONDS).body();
  }
}
