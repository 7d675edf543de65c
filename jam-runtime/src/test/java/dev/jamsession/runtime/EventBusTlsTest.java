package dev.jamsession.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.testkit.TestCluster;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EVENTBUS_TLS_*: two clustered members on loopback with certificates of one CA (made here with
 * openssl) talk over the event bus; a member whose certificate another CA signed, and one without
 * TLS, are in the Hazelcast cluster, see the consumer, and still get no message through.
 */
class EventBusTlsTest {

  @Test
  void membersWithCertificatesOfTheClustersCaTalkAndOthersCannot(@TempDir Path dir) throws Exception {
    Map<String, String> ours = certificate(dir, "ours");
    Map<String, String> theirs = certificate(dir, "theirs");
    try (TestCluster cluster = new TestCluster()) {
      JamNode a = cluster.start(cluster.nextConfig(ours), JamNode.Role.DATA);
      // One data member: a lite one sends just the same, and the cluster closes without migrations.
      JamNode b = cluster.start(cluster.nextConfig(ours), JamNode.Role.LITE);
      JamNode stranger = cluster.start(cluster.nextConfig(theirs), JamNode.Role.LITE);
      a.vertx().eventBus().<String>consumer("tls.echo", m -> m.reply("echo " + m.body()))
          .completion().await(10, TimeUnit.SECONDS);

      // The first TLS handshake may be slow on a busy machine; a refused one never completes.
      Message<Object> reply = b.vertx().eventBus().request("tls.echo", "hi", new DeliveryOptions().setSendTimeout(30_000))
          .await(40, TimeUnit.SECONDS);
      assertThat(reply.body()).isEqualTo("echo hi");
      JamNode plain = cluster.start(cluster.nextConfig(), JamNode.Role.LITE);
      DeliveryOptions brief = new DeliveryOptions().setSendTimeout(3_000);
      for (JamNode outsider : List.of(stranger, plain)) { // the handshake fails: the message never arrives
        assertThatThrownBy(() -> outsider.vertx().eventBus().request("tls.echo", "hi", brief).await(10, TimeUnit.SECONDS))
            .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.failureType()).isEqualTo(ReplyFailure.TIMEOUT));
      }
      assertThat(a.hazelcast().getCluster().getMembers()).as("they are in the Hazelcast cluster all the same").hasSize(4);
    }
  }

  @Test
  void allThreeFilesOrNoneAndEachMustBePem(@TempDir Path dir) throws Exception {
    assertThat(JamConfig.fromEnv(Map.of()).cluster().eventBusTls()).isNull();
    Map<String, String> files = certificate(dir, "ours");
    assertThat(JamConfig.fromEnv(files).cluster().eventBusTls()).isNotNull();
    assertThatThrownBy(() -> JamConfig.fromEnv(Map.of("EVENTBUS_TLS_CERT_FILE", files.get("EVENTBUS_TLS_CERT_FILE"))))
        .hasMessageContaining("EVENTBUS_TLS_KEY_FILE must be set too");
    Map<String, String> swapped = new HashMap<>(files);
    swapped.put("EVENTBUS_TLS_CA_FILE", files.get("EVENTBUS_TLS_KEY_FILE"));
    assertThatThrownBy(() -> JamConfig.fromEnv(swapped)).hasMessageContaining("EVENTBUS_TLS_CA_FILE");
  }

  /** A CA of its own named {@code name} and a node certificate it signed, as EVENTBUS_TLS_* variables. */
  private static Map<String, String> certificate(Path dir, String name) throws Exception {
    Path ca = dir.resolve(name + "-ca.pem");
    Path caKey = dir.resolve(name + "-ca.key");
    Path csr = dir.resolve(name + "-node.csr");
    Path cert = dir.resolve(name + "-node.pem");
    Path key = dir.resolve(name + "-node.key");
    List<String> ec = List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes");
    openssl(concat(List.of("req", "-x509"), ec, List.of("-keyout", caKey.toString(), "-out", ca.toString(),
        "-days", "2", "-subj", "/CN=" + name + " test CA")));
    openssl(concat(List.of("req"), ec, List.of("-keyout", key.toString(), "-out", csr.toString(),
        "-subj", "/CN=jam-node")));
    openssl(List.of("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
        "-CAcreateserial", "-out", cert.toString(), "-days", "2"));
    return Map.of("EVENTBUS_TLS_CERT_FILE", cert.toString(), "EVENTBUS_TLS_KEY_FILE", key.toString(),
        "EVENTBUS_TLS_CA_FILE", ca.toString());
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static List<String> concat(List<String> first, List<String> second, List<String> third) {
    return concat(concat(first, second), third);
  }

  private static void openssl(List<String> args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(concat(List.of("openssl"), args)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl " + args + " failed (the tests need Debian's openssl): " + out);
    }
  }
}
