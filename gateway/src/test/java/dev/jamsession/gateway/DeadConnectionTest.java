package dev.jamsession.gateway;

import static dev.jamsession.gateway.BridgeReplies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.gateway.JamServer.Member;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A connection that stops answering (no pings, no close: a phone that lost its network) is
 * detected by the bridge's ping timeout and becomes a disconnected participant, who then leaves
 * when the grace period ends.
 */
class DeadConnectionTest {
  @Test
  void aSilentConnectionBecomesDisconnectedThenTimesOut() throws Exception {
    try (JamServer server = JamServer.started(1, Map.of("PING_TIMEOUT", "7000", "DISCONNECT_GRACE", "2000"))) {
      Member ana = server.hostOfNewJam("Ana");
      String code = ana.code();
      Member ghost = server.join(server.connect(false), new JsonObject().put("code", code).put("userName", "Ghost"));

      long start = System.currentTimeMillis();
      JsonObject update = ana.client().await(f -> f.getValue("body") instanceof JsonObject b
          && "participant-updated".equals(b.getString("type"))
          && ghost.id().equals(b.getJsonObject("data").getJsonObject("participant").getString("id"))
          && !b.getJsonObject("data").getJsonObject("participant").getBoolean("connected")).getJsonObject("body");
      long detectedMs = System.currentTimeMillis() - start;
      assertThat(update.getString("type")).isEqualTo("participant-updated");
      assertThat(detectedMs).isLessThan(30_000); // the default PING_TIMEOUT is 20 s
      System.out.println("Silent connection detected after " + detectedMs + " ms (PING_TIMEOUT 7000)");

      JsonObject left = ana.client().await(f -> f.getValue("body") instanceof JsonObject b
          && "participant-left".equals(b.getString("type"))).getJsonObject("body");
      assertThat(left.getJsonObject("data").getString("reason")).isEqualTo("timeout");
      assertThat(ok(ana.send("jam.snapshot", null)).getJsonArray("participants")).hasSize(1);
    }
  }
}
