package dev.jamsession.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.runtime.PublicUrl.Candidate;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicUrlTest {

  @Test
  void publicUrlWinsAndIsReducedToItsOrigin() {
    PublicUrl url = PublicUrl.fromEnv(Map.of("PUBLIC_URL", "https://Jam.example:8443/"));
    assertThat(url.resolve(false, 4000)).contains("https://Jam.example:8443");
  }

  @Test
  void badPublicUrlNamesTheVariable() {
    for (String bad : List.of("jam.example", "ftp://jam.example", "http://jam.example/party", "http://", "http://a b")) {
      assertThatThrownBy(() -> PublicUrl.fromEnv(Map.of("PUBLIC_URL", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PUBLIC_URL");
    }
  }

  @Test
  void containerBridgesLoopbackAndLinkLocalAreSkipped() throws Exception {
    List<Candidate> all = List.of(
        new Candidate("lo", InetAddress.getByName("127.0.0.1")),
        new Candidate("docker0", InetAddress.getByName("172.17.0.1")),
        new Candidate("br-1a2b", InetAddress.getByName("172.18.0.1")),
        new Candidate("veth12", InetAddress.getByName("10.0.0.9")),
        new Candidate("wlan0", InetAddress.getByName("fe80::1")),
        new Candidate("wlan0", InetAddress.getByName("2001:db8::5")),
        new Candidate("wlan0", InetAddress.getByName("192.168.1.23")));
    assertThat(PublicUrl.choose(all)).contains(InetAddress.getByName("192.168.1.23"));
    assertThat(PublicUrl.choose(all.subList(0, 4))).isEmpty();
  }

  @Test
  void aSpecificListenAddressIsUsedUnlessItIsLoopback() {
    assertThat(PublicUrl.fromEnv(Map.of("HOST", "192.168.1.23")).resolve(true, 443)).contains("https://192.168.1.23");
    assertThat(PublicUrl.fromEnv(Map.of("HOST", "127.0.0.1")).resolve(false, 4000)).isEmpty();
  }

  @Test
  void onTheWildcardTheAnswerIsNeverLoopback() {
    PublicUrl.fromEnv(Map.of()).resolve(false, 4123).ifPresent(u ->
        assertThat(u).startsWith("http://").endsWith(":4123").doesNotContain("127.0.0.1").doesNotContain("localhost"));
  }
}
