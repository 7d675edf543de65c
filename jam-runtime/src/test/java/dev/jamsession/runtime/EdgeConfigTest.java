package dev.jamsession.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP limits and trusted proxies: defaults, and bad values named at start-up. */
class EdgeConfigTest {

  @Test
  void defaultsAreSizedForARoomBehindOneNat() {
    JamConfig c = JamConfig.fromEnv(Map.of());
    assertThat(c.httpLimits().reads()).isEqualTo(new HttpLimits.RateLimit(300, 10_000, 60_000));
    assertThat(c.httpLimits().writes()).isEqualTo(new HttpLimits.RateLimit(10, 30, 60_000));
    assertThat(c.httpLimits().audio()).isEqualTo(new HttpLimits.RateLimit(600, 10_000, 60_000));
    assertThat(c.trustedProxies()).isEmpty();
    assertThat(JamConfig.fromEnv(Map.of("RATE_LIMIT_MAX", "50000")).httpLimits().reads().perAddress()).isEqualTo(50_000);
  }

  @Test
  void trustedProxiesDefaultToLoopbackBehindAProxy() {
    assertThat(JamConfig.fromEnv(Map.of("TRUST_PROXY", "true")).trustedProxies())
        .containsExactly(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"));
    assertThat(JamConfig.fromEnv(Map.of("TRUST_PROXY", "true", "TRUSTED_PROXIES", "172.30.89.2, 10.0.0.0/8")).trustedProxies())
        .containsExactly(Cidr.parse("172.30.89.2/32"), Cidr.parse("10.0.0.0/8"));
  }

  @Test
  void printingTheConfigurationShowsNoSecret() {
    JamConfig config = JamConfig.fromEnv(Map.of("ADMIN_TOKEN", "s3cret-admin", "DATABASE_URL",
        "postgresql://jam:pw-in-url@db/jam", "PORT", "4123"));
    assertThat(config.toString()).contains("port=4123").contains("adminToken=(hidden)")
        .doesNotContain("s3cret-admin").doesNotContain("pw-in-url");
  }

  @Test
  void badValuesNameTheirVariable() {
    for (Map<String, String> env : List.of(
        Map.of("TRUST_PROXY", "true", "TRUSTED_PROXIES", "lb.example"),
        Map.of("TRUST_PROXY", "true", "TRUSTED_PROXIES", "10.0.0.0/33"),
        Map.of("TRUST_PROXY", "true", "TRUSTED_PROXIES", "1"),
        Map.of("TRUSTED_PROXIES", "10.0.0.1"))) {
      assertThatThrownBy(() -> JamConfig.fromEnv(env)).as(env.toString()).hasMessageContaining("TRUSTED_PROXIES");
    }
    assertThatThrownBy(() -> JamConfig.fromEnv(Map.of("CREATE_RATE_LIMIT_MAX", "x"))).hasMessageContaining("CREATE_RATE_LIMIT_MAX");
    assertThatThrownBy(() -> JamConfig.fromEnv(Map.of("AUDIO_RATE_LIMIT_WINDOW", "0"))).hasMessageContaining("AUDIO_RATE_LIMIT_WINDOW");
    assertThatThrownBy(() -> JamConfig.fromEnv(Map.of("RATE_LIMIT_MAX", "50", "RATE_LIMIT_IP_MAX", "10")))
        .hasMessageContaining("RATE_LIMIT_IP_MAX");
  }

  @Test
  void cidrsMatchByPrefix() {
    assertThat(Cidr.parse("10.1.0.0/16").contains(Cidr.literal("10.1.255.3"))).isTrue();
    assertThat(Cidr.parse("10.1.0.0/16").contains(Cidr.literal("10.2.0.1"))).isFalse();
    assertThat(Cidr.parse("10.0.0.0/9").contains(Cidr.literal("10.127.0.1"))).isTrue();
    assertThat(Cidr.parse("10.0.0.0/9").contains(Cidr.literal("10.128.0.1"))).isFalse();
    assertThat(Cidr.parse("::1").contains(Cidr.literal("127.0.0.1"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("203.0.113.1"))).isTrue();
  }
}
