package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.testkit.FreePort;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The realtime load benchmark at a size of seconds, so it cannot rot: the all-in-one server as
 * one process, the harness ({@code benchmarks.jar load}) as another driving it over real
 * WebSockets, and every vote must reach every member of its jam in time.
 */
class LoadBenchmarkSmokeTest {
  private static final String ALL_IN_ONE_MAIN = "dev.jamsession.launcher.JamSession";
  private static final Duration HARNESS_TIMEOUT = Duration.ofMinutes(3);

  @Test
  void everyVoteReachesEveryMemberOfItsJam() throws Exception {
    Path logDir = Path.of(System.getProperty("jam.logs", "target/system-test-logs"))
        .resolve("load-benchmark-" + UUID.randomUUID().toString().substring(0, 8));
    Files.createDirectories(logDir);
    int port = FreePort.loopback();
    int memberPort = FreePort.loopback();
    ServiceProcess server = new ServiceProcess("all-in-one", ALL_IN_ONE_MAIN, port, memberPort, Map.of(
        "PORT", Integer.toString(port),
        "HOST", "127.0.0.1",
        "MANAGEMENT_PORT", Integer.toString(FreePort.loopback()),
        "CLUSTER_NAME", "jam-st-load-" + UUID.randomUUID().toString().substring(0, 8),
        "CLUSTER_HOST", "127.0.0.1",
        "CLUSTER_PORT", Integer.toString(memberPort),
        "CLUSTER_MEMBERS", "127.0.0.1:" + memberPort,
        "CACHE_DIR", logDir.resolve("cache").toString(),
        // One client address holds every connection: the per-address bridge limit must not refuse them.
        "WS_IP_RATE_LIMIT_MAX", "1000000", "CREATE_RATE_LIMIT_MAX", "1000"),
        LocalCluster.jar(), logDir.resolve("server.log"));
    Process harness = null;
    try {
      server.start();
      server.awaitReady(LocalCluster.READY_TIMEOUT);
      Path harnessLog = logDir.resolve("harness.log");
      harness = new ProcessBuilder(List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
              "-jar", benchmarksJar().toString(), "load",
              "--url", "http://127.0.0.1:" + port, "--pid", Long.toString(server.pid()),
              "--jams", "3", "--members", "5", "--rate", "5", "--duration", "3"))
          .redirectErrorStream(true)
          .redirectOutput(harnessLog.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      boolean exited = harness.waitFor(HARNESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      String output = Files.readString(harnessLog, StandardCharsets.UTF_8);
      assertThat(exited).as("harness finished within %s; output:%n%s", HARNESS_TIMEOUT, output).isTrue();
      assertThat(harness.exitValue()).as("harness exit code; output:%n%s", output).isZero();
      System.out.println(output);

      JsonObject result = lastJsonLine(output);
      JsonObject votes = result.getJsonObject("votes");
      assertThat(votes.getLong("sent")).as("votes sent (5/s for 3 s)").isEqualTo(15);
      assertThat(votes.getLong("okWithoutRev")).as("vote replies without data.rev").isZero();
      assertThat(votes.getLong("errors") + votes.getLong("rateLimited")).as("refused votes").isZero();
      assertThat(votes.getLong("unanswered")).as("unanswered votes").isZero();
      assertThat(votes.getLong("timeouts")).as("votes not at every member within 5 s").isZero();
      assertThat(votes.getLong("deliveredToAll")).as("votes delivered to every member").isEqualTo(15);
      assertThat(result.getJsonObject("joins").getLong("connected")).as("members joined").isEqualTo(15);
      assertThat(result.getJsonObject("server").getLong("deliveredEvents")).as("15 votes x 5 members").isEqualTo(75);
      assertThat(result.getJsonObject("server").getDouble("rssConnectedMB")).as("RSS read from /proc").isPositive();
    } finally {
      if (harness != null) {
        harness.destroyForcibly();
      }
      server.kill();
    }
  }

  private static Path benchmarksJar() {
    Path jar = Path.of(System.getProperty("jam.benchmarks.jar", "../benchmarks/target/benchmarks.jar"))
        .toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No " + jar + ": build it first (mvn -B -q -pl benchmarks -am package -DskipTests)");
    }
    return jar;
  }

  private static JsonObject lastJsonLine(String output) {
    List<String> lines = output.lines().filter(l -> l.startsWith("{")).toList();
    assertThat(lines).as("the harness's JSON line in:%n%s", output).isNotEmpty();
    return new JsonObject(lines.get(lines.size() - 1));
  }
}
