package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TRUST_PROXY over real HTTP, the test client standing in for the load balancer (loopback, the
 * default TRUSTED_PROXIES): what a client writes left of the proxy's entry changes nothing.
 */
class ForwardedForTest {
  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of("TRUST_PROXY", "true", "RATE_LIMIT_MAX", "20",
      "RATE_LIMIT_WINDOW", RestLimitsTest.TEN_MINUTES));

  static int search(String forwardedFor) throws Exception {
    return server.get("/api/songs?limit=1", "X-Forwarded-For", forwardedFor).statusCode();
  }

  @Test
  void rotatingTheLeftmostValueDoesNotEscapeTheLimit() throws Exception {
    int ok = 0;
    for (int i = 0; i < 40; i++) {
      ok += search("192.0.2." + i + ", 198.51.100.1") == 200 ? 1 : 0;
    }
    assertThat(ok).isEqualTo(20);
  }

  @Test
  void namingAVictimDoesNotSpendTheVictimsBudget() throws Exception {
    int refused = 0;
    for (int i = 0; i < 30; i++) {
      refused += search("203.0.113.50, 198.51.100.2") == 429 ? 1 : 0;
    }
    assertThat(refused).isEqualTo(10);
    assertThat(search("203.0.113.50")).isEqualTo(200);
  }

  @Test
  void aClientOutsideTheTrustedProxiesIsItsOwnAddress() throws Exception {
    try (JamServer other = JamServer.started(1, Map.of("TRUST_PROXY", "true", "TRUSTED_PROXIES", "192.0.2.1",
        "RATE_LIMIT_MAX", "5", "RATE_LIMIT_WINDOW", RestLimitsTest.TEN_MINUTES))) {
      int ok = 0;
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> r = other.get("/api/songs?limit=1", "X-Forwarded-For", "192.0.2." + (100 + i));
        ok += r.statusCode() == 200 ? 1 : 0;
      }
      assertThat(ok).isEqualTo(5);
    }
  }
}
