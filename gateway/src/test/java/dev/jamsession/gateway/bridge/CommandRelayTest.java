package dev.jamsession.gateway.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL §8's order of checks in the relay for the commands it answers itself, found by the
 * protocol fuzzer: {@code jam.time "x"} succeeded. These are refused before any room or
 * session-service is involved, so the relay runs here without either.
 */
class CommandRelayTest {
  private final CommandRelay relay = new CommandRelay(null, null, null, null);
  private final Connection stranger = new Connection("node/c1", "127.0.0.1", null);

  private String code(String cmd, Object body) throws Exception {
    JsonObject reply = relay.handle(stranger, cmd, body, 100).await(5, TimeUnit.SECONDS);
    return reply.getBoolean("success") ? "OK" : reply.getString("code");
  }

  @Test
  void aBodyThatIsNotAnObjectIsInvalidInputEvenForCommandsForAnyone() throws Exception {
    for (Object body : List.of("x", 42, new JsonArray().add(1).add(2), true, 1.5)) {
      assertThat(code("jam.time", body)).as("jam.time %s", body).isEqualTo("INVALID_INPUT");
      assertThat(code("jam.join-session", body)).as("jam.join-session %s", body).isEqualTo("INVALID_INPUT");
    }
  }

  @Test
  void membershipComesBeforeShapeAndAnAbsentBodyIsAnEmptyOne() throws Exception {
    assertThat(code("jam.add-to-queue", "x")).isEqualTo("NOT_JOINED");
    assertThat(code("jam.vote", 42)).isEqualTo("NOT_JOINED");
    assertThat(code("jam.time", null)).isEqualTo("OK");
    assertThat(code("jam.time", new JsonObject().put("unknown", 1))).isEqualTo("OK");
  }
}
