package dev.jamsession.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** After a scripted jam on the all-in-one, /metrics shows every listed metric with plausible values. */
class MetricsTest {
  @Test
  void aScriptedJamShowsUpInTheMetrics() throws Exception {
    try (AllInOne server = new AllInOne()) {
      JsonObject created = server.create("Ana");
      String code = created.getString("sessionCode");
      BridgeClient ana = server.join(code, "Ana", created.getString("hostToken"), true);
      BridgeClient ben = server.join(code, "Ben", null, false);
      for (int i = 0; i < 3; i++) {
        ana.request("jam.add-to-queue", new JsonObject().put("songId", server.catalog.all().get(i).id()));
      }
      JsonObject queue = ana.request("jam.snapshot", null).getJsonObject("data");
      String item = queue.getJsonArray("queue").getJsonObject(0).getString("id");
      ben.request("jam.vote", new JsonObject().put("itemId", item).put("value", 1));
      ben.request("jam.vote-skip", new JsonObject().put("value", true));
      ana.request("jam.play-next", null);
      ben.request("jam.leave-session", null);

      // The census runs every 5 s: one taken between the create and the joins counts the jam
      // without its people, so wait for one that counts them.
      String metrics = awaitMetrics(server, "jam_participants", 1);
      assertThat(value(metrics, "jam_sessions_active")).isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "jam_sessions_opened_total")).isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "jam_participants")).isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "jam_songs_added_total")).isEqualTo(3);
      assertThat(value(metrics, "jam_votes_total")).isEqualTo(1);
      assertThat(value(metrics, "jam_skip_votes_total")).isEqualTo(1);
      assertThat(value(metrics, "jam_songs_skipped_total")).isGreaterThanOrEqualTo(1);
      assertThat(value(metrics, "jam_joins_total")).isEqualTo(2);
      assertThat(value(metrics, "jam_leaves_total\\{reason=\"left\"}")).isEqualTo(1);
      assertThat(value(metrics, "jam_websocket_connections")).isEqualTo(2);
      assertThat(value(metrics, "jam_messages_in_total")).isGreaterThanOrEqualTo(9);
      assertThat(value(metrics, "jam_messages_out_total")).isGreaterThanOrEqualTo(9);
      assertThat(value(metrics, "jam_broadcast_latency_seconds_count")).isPositive();
      assertThat(value(metrics, "jam_participants_per_session_count")).isPositive();
      assertThat(value(metrics, "jam_queue_length_count")).isPositive();
      assertThat(metrics).contains("jam_session_duration_seconds_count", "jvm_memory_used_bytes",
          "jam_command_duration_seconds_count{command=\"jam.vote\"}");
      assertThat(metrics).doesNotContain(code);

      ana.request("jam.end-session", null);
      assertThat(value(awaitMetrics(server, "jam_session_duration_seconds_count", 1), "jam_session_duration_seconds_count"))
          .isEqualTo(1);
    }
  }

  /** Scrapes until a metric reaches a value: the census runs every few seconds. */
  private static String awaitMetrics(AllInOne server, String name, double atLeast) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (true) {
      String body = server.get("/metrics");
      if (value(body, name) >= atLeast || System.currentTimeMillis() > deadline) {
        return body;
      }
      Thread.onSpinWait();
    }
  }

  private static double value(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
