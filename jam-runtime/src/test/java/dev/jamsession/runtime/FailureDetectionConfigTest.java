package dev.jamsession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CLUSTER_FAILURE_TIMEOUT sets both how long a silent member lives on and how long a connect
 * attempt may hang: a third of it, so a slow peer is retried about three times before it is dead.
 */
class FailureDetectionConfigTest {

  @Test
  void theConnectTimeoutIsAThirdOfTheFailureTimeoutAndAtLeastASecond() {
    assertThat(properties(3_000)).containsExactly("3", "1");
    assertThat(properties(6_000)).containsExactly("6", "2");
    assertThat(properties(9_500)).containsExactly("9", "3");
    assertThat(properties(1_000)).containsExactly("2", "1");
  }

  /** max.no.heartbeat and connect timeout, in seconds, for a failure timeout of {@code ms}. */
  private static List<String> properties(long ms) {
    Config config = JamNode.hazelcastConfig(new ClusterSettings("test", "127.0.0.1", 5701,
        List.of("127.0.0.1:5701"), 0, "127.0.0.1", ms, null), JamNode.Role.LITE);
    return List.of(config.getProperty("hazelcast.max.no.heartbeat.seconds"),
        config.getProperty("hazelcast.socket.connect.timeout.seconds"));
  }
}
