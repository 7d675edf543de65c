package dev.jamsession.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.SongLookup;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.bus.CommandEnvelope;
import dev.jamsession.runtime.bus.Replies;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SESSION_MAX_IN_FLIGHT: past it, commands are answered UNAVAILABLE at once instead of queueing. */
class LoadSheddingTest {
  private static final int MAX_IN_FLIGHT = 4;

  private static TestCluster cluster;
  private static EventBus bus;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(Map.of("SESSION_MAX_IN_FLIGHT", String.valueOf(MAX_IN_FLIGHT)));
    JamConfig config = cluster.nextConfig();
    JamNode node = cluster.start(config, JamNode.Role.DATA);
    SongLookup none = id -> Optional.empty();
    SessionService.deploy(node, config, none).await(30, TimeUnit.SECONDS);
    bus = node.vertx().eventBus();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  void aBurstBeyondTheLimitIsRefusedAtOnceAndTheRestIsServed() throws Exception {
    JsonObject created = bus.<JsonObject>request(Addresses.SESSION_CREATE, new JsonObject().put("hostName", "Ana"))
        .await(10, TimeUnit.SECONDS).body().getJsonObject("data");
    String code = created.getString("sessionCode");
    String host = command(code, null, "jam.join-session",
        new JsonObject().put("userName", "Ana").put("hostToken", created.getString("hostToken")))
        .await(10, TimeUnit.SECONDS).getJsonObject("data").getJsonObject("you").getString("participantId");

    List<Future<JsonObject>> burst = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      burst.add(command(code, host, "jam.snapshot", new JsonObject()));
    }
    Future.join(burst).await(30, TimeUnit.SECONDS);
    long served = burst.stream().filter(f -> Replies.isSuccess(f.result())).count();
    List<JsonObject> refused = burst.stream().map(Future::result).filter(r -> !Replies.isSuccess(r)).toList();
    assertThat(served).isGreaterThanOrEqualTo(MAX_IN_FLIGHT);
    assertThat(refused).isNotEmpty().allSatisfy(r -> {
      assertThat(r.getString("code")).isEqualTo("UNAVAILABLE");
      assertThat(r.getString("error")).contains("busy");
    });
    // Nothing stays counted as running: once the burst is answered, a command is served again.
    assertThat(Replies.isSuccess(command(code, host, "jam.snapshot", null).await(10, TimeUnit.SECONDS))).isTrue();
  }

  private static Future<JsonObject> command(String code, String participantId, String cmd, JsonObject body) {
    return bus.<JsonObject>request(Addresses.SESSION_COMMAND, new CommandEnvelope(UUID.randomUUID().toString(),
        System.currentTimeMillis(), cmd, code, participantId, "gw1/c1", body).toJson()).map(Message::body);
  }
}
