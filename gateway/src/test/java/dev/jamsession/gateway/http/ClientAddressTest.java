package dev.jamsession.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.runtime.Cidr;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is the proxy's word, never the client's (issue 11, finding 5). */
class ClientAddressTest {
  static final ClientAddress BEHIND_LB = new ClientAddress(List.of(Cidr.parse("10.0.0.0/24"), Cidr.parse("::1")));
  static final SocketAddress LB = SocketAddress.inetSocketAddress(40000, "10.0.0.2");

  static MultiMap xff(String... values) {
    MultiMap h = MultiMap.caseInsensitiveMultiMap();
    for (String v : values) {
      h.add("X-Forwarded-For", v);
    }
    return h;
  }

  @Test
  void theRightmostAddressThatIsNotATrustedProxyIsTheClient() {
    assertThat(BEHIND_LB.of(LB, xff("203.0.113.7"))).isEqualTo("203.0.113.7");
    assertThat(BEHIND_LB.of(LB, xff("6.6.6.6, 203.0.113.7"))).isEqualTo("203.0.113.7");
    assertThat(BEHIND_LB.of(LB, xff("6.6.6.6", "203.0.113.7, 10.0.0.5"))).isEqualTo("203.0.113.7");
    assertThat(BEHIND_LB.of(LB, xff("203.0.113.7:5123"))).isEqualTo("203.0.113.7");
    assertThat(BEHIND_LB.of(LB, xff("[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void garbageOrOnlyProxiesStopAtTheLastAddressAProxyVouchedFor() {
    assertThat(BEHIND_LB.of(LB, xff("203.0.113.7, evil.example, 10.0.0.9"))).isEqualTo("10.0.0.9");
    assertThat(BEHIND_LB.of(LB, xff("not an address"))).isEqualTo("10.0.0.2");
    assertThat(BEHIND_LB.of(LB, xff("10.0.0.3"))).isEqualTo("10.0.0.3");
    assertThat(BEHIND_LB.of(LB, MultiMap.caseInsensitiveMultiMap())).isEqualTo("10.0.0.2");
  }

  @Test
  void aPeerThatIsNoTrustedProxyIsTheClientWhateverItSays() {
    SocketAddress direct = SocketAddress.inetSocketAddress(40000, "198.51.100.4");
    assertThat(BEHIND_LB.of(direct, xff("203.0.113.7"))).isEqualTo("198.51.100.4");
    assertThat(new ClientAddress(List.of()).of(LB, xff("203.0.113.7"))).isEqualTo("10.0.0.2");
  }

  @Test
  void oneSpellingPerAddress() {
    assertThat(BEHIND_LB.of(SocketAddress.inetSocketAddress(1, "0:0:0:0:0:0:0:1"), xff("::ffff:203.0.113.7")))
        .isEqualTo("203.0.113.7");
    assertThat(BEHIND_LB.of(null, xff("203.0.113.7"))).isEqualTo("unknown");
  }
}
