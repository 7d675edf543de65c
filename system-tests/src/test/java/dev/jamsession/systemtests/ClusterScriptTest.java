package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * scripts/cluster as a person uses it: start brings the whole topology up on loopback (one
 * cluster: a jam created on one gateway is visible on the other), status reports it, stop leaves
 * no process behind.
 */
class ClusterScriptTest {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterScriptTest.class);

  @Test
  void startStatusStop() throws Exception {
    Path root = DeploymentFilesTest.ROOT;
    Path runDir = Path.of(System.getProperty("jam.logs", "target/system-test-logs")).toAbsolutePath()
        .resolve("cluster-script-" + UUID.randomUUID().toString().substring(0, 8));
    int offset = freeOffset();
    List<String> env = List.of(
        "JAM_RUN_DIR=" + runDir,
        "JAM_JAR=" + LocalCluster.jar(),
        "JAM_PORT_OFFSET=" + offset,
        "CLUSTER_NAME=jam-script-" + UUID.randomUUID().toString().substring(0, 8));
    try {
      DeploymentFilesTest.Result start = script(root, env, "start", 240);
      LOG.info("scripts/cluster start (offset {}):\n{}", offset, start.out().strip());
      assertThat(start.exit()).as("scripts/cluster start:\n" + start.out()).isZero();

      DeploymentFilesTest.Result status = script(root, env, "status", 30);
      assertThat(status.exit()).as(status.out()).isZero();
      List<String> lines = status.out().lines().filter(l -> l.matches("^(session|gateway|recommender|cleanup).*")).toList();
      assertThat(lines).as(status.out()).hasSize(7).allMatch(l -> l.contains(" running ") && l.contains(" 200 "));

      // One cluster: a jam created through gateway-1 is known to gateway-2.
      JsonObject created = Rest.createJam(4001 + offset, "script", null);
      HttpResponse<String> summary = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + (4002 + offset) + "/api/jam/session/" + created.getString("sessionCode"))).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    } finally {
      List<Long> pids = pids(runDir);
      DeploymentFilesTest.Result stop = script(root, env, "stop", 120);
      LOG.info("scripts/cluster stop:\n{}", stop.out().strip());
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // in case stop failed
      }
      assertThat(stop.exit()).as(stop.out()).isZero();
      for (long pid : pids) {
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
            .as("process " + pid + " is gone after stop").isFalse();
      }
    }
  }

  private static DeploymentFilesTest.Result script(Path root, List<String> env, String command, int seconds)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "scripts/cluster", command)
        .directory(root.toFile()).redirectErrorStream(true);
    for (String kv : env) {
      int i = kv.indexOf('=');
      builder.environment().put(kv.substring(0, i), kv.substring(i + 1));
    }
    builder.environment().remove("JAVA_OPTS");
    Process p = builder.start();
    // The services inherit no stdout of ours (they log to files), so this ends when the script does.
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("scripts/cluster " + command + " did not finish in " + seconds + " s:\n" + out);
    }
    return new DeploymentFilesTest.Result(p.exitValue(), out);
  }

  private static List<Long> pids(Path runDir) throws Exception {
    List<Long> out = new ArrayList<>();
    if (!Files.isDirectory(runDir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(runDir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
        out.add(Long.parseLong(Files.readString(f).strip()));
      }
    }
    return out;
  }

  /** A port offset at which every port the script uses is free. */
  private static int freeOffset() {
    int[] ports = {4001, 4002, 9101, 9102, 9111, 9112, 9121, 5751, 5752, 5761, 5762, 5771, 5772, 5781};
    for (int attempt = 0; attempt < 50; attempt++) {
      int offset = 1000 + (int) (Math.random() * 20) * 100;
      boolean free = true;
      for (int port : ports) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port + offset, 1, java.net.InetAddress.getLoopbackAddress())) {
          s.setReuseAddress(true);
        } catch (java.io.IOException e) {
          free = false;
          break;
        }
      }
      if (free) {
        return offset;
      }
    }
    throw new IllegalStateException("no free port offset for scripts/cluster");
  }
}
