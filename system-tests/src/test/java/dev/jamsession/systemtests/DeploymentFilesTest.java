package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployment files agree with each other and with the code: docker-compose.yml validates
 * (Debian's docker-compose, which CI installs), names the topology of the issue, and every name
 * the load balancer, Prometheus and the image's entrypoint refer to exists.
 */
class DeploymentFilesTest {
  static final Path ROOT = Path.of(System.getProperty("jam.root", "..")).toAbsolutePath().normalize();
  static final Set<String> SERVICES = Set.of("lb", "gateway-1", "gateway-2", "session-1", "session-2",
      "recommender-1", "recommender-2", "cleanup", "postgres", "prometheus");

  /** Instructions the classic builder refuses: RUN --mount, COPY/ADD --chmod (comments aside). */
  static final Pattern BUILDKIT_ONLY = Pattern.compile("(?m)^\\s*(RUN\\s+--mount|(COPY|ADD)\\s[^\\n]*--chmod)");

  record Result(int exit, String out) {}

  static Result run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Result(p.exitValue(), out);
  }

  static void requireDockerCompose() throws Exception {
    Result which = run(ROOT, "sh", "-c", "command -v docker-compose");
    assertThat(which.exit()).as("docker-compose is needed to validate docker-compose.yml: "
        + "apt-get install -y docker-compose (.ci/run installs it)").isZero();
  }

  @Test
  void composeFileValidates() throws Exception {
    requireDockerCompose();
    Result r = run(ROOT, "docker-compose", "-f", "docker-compose.yml", "config", "-q");
    assertThat(r.exit()).as("docker-compose config -q:\n" + r.out()).isZero();
  }

  @Test
  void composeHasTheTopologyOfTheIssue() throws Exception {
    requireDockerCompose();
    Result services = run(ROOT, "docker-compose", "-f", "docker-compose.yml", "config", "--services");
    assertThat(services.exit()).as(services.out()).isZero();
    assertThat(Set.copyOf(services.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList()))
        .isEqualTo(SERVICES);

    String resolved = run(ROOT, "docker-compose", "-f", "docker-compose.yml", "config").out();
    // Every Jam service joins the same static member list, and announces its own host name.
    assertThat(count(resolved, "CLUSTER_MEMBERS: session-1:5701,session-2:5701")).as("services with the member list")
        .isEqualTo(7);
    assertThat(count(resolved, "DATABASE_URL: postgresql://jam:jam@postgres:5432/jam")).as("gateways with the playlist database")
        .isEqualTo(2);
    for (String s : SERVICES) {
      if (!Set.of("lb", "prometheus", "postgres").contains(s)) {
        assertThat(resolved).as(s + " announces its host name").contains("CLUSTER_HOST: " + s + "\n");
      }
    }
    assertThat(count(resolved, "restart: unless-stopped")).as("services with a restart policy").isEqualTo(SERVICES.size());
    assertThat(count(resolved, "healthcheck:")).as("services with a health check").isEqualTo(SERVICES.size());
    assertThat(count(resolved, "mem_limit:")).as("services with a memory limit").isEqualTo(SERVICES.size());
    assertThat(resolved).as("the load balancer publishes 4000").containsPattern("published: \"?4000\"?");
    assertThat(resolved).as("Hazelcast ports stay on the Compose network").doesNotContainPattern("published: \"?5701");
  }

  @Test
  void loadBalancerAndPrometheusNameExistingServices() throws Exception {
    String haproxy = Files.readString(ROOT.resolve("deploy/haproxy.cfg"));
    Set<String> servers = hosts(haproxy, "(?m)^\\s*server\\s+\\S+\\s+([a-z0-9-]+):\\d+");
    assertThat(servers).containsExactlyInAnyOrder("gateway-1", "gateway-2");
    assertThat(haproxy).as("sticky sessions").contains("cookie JAMGW insert");
    assertThat(run(ROOT, "sh", "-c", "command -v haproxy").exit())
        .as("haproxy must be installed (apt-get install -y haproxy) to validate deploy/haproxy.cfg").isZero();
    // Outside Compose the gateway names do not resolve: haproxy warns and still validates.
    Result check = run(ROOT, "haproxy", "-c", "-f", "deploy/haproxy.cfg");
    assertThat(check.exit()).as("haproxy -c:\n" + check.out()).isZero();

    String prometheus = Files.readString(ROOT.resolve("deploy/prometheus.yml"));
    Set<String> targets = hosts(prometheus, "'([a-z0-9-]+):\\d+'");
    targets.remove("localhost");
    assertThat(targets).as("every Jam service is scraped")
        .containsExactlyInAnyOrder("gateway-1", "gateway-2", "session-1", "session-2", "recommender-1",
            "recommender-2", "cleanup");
  }

  @Test
  void theImageStartsMainClassesThatExist() throws Exception {
    String entrypoint = Files.readString(ROOT.resolve("deploy/docker-entrypoint.sh"));
    List<String> mains = new ArrayList<>(hosts(entrypoint, "main=(dev\\.jamsession\\.[A-Za-z.]+)"));
    assertThat(mains).hasSize(5);
    for (String main : mains) {
      assertThat(LocalCluster.jarHas(main)).as(main + " in " + LocalCluster.jar()).isTrue();
    }
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile).contains("HEALTHCHECK").contains("USER jam")
        .contains("ARG RUNTIME_IMAGE=eclipse-temurin:17-jre").contains("FROM ${RUNTIME_IMAGE}");
    // Debian's docker.io has only the classic builder: nothing that needs BuildKit.
    assertThat(dockerfile).as("BuildKit-only syntax in the Dockerfile")
        .doesNotContainPattern(BUILDKIT_ONLY).doesNotContainPattern("(?m)^#\\s*syntax=");
  }

  @Test
  void theOfflineImageBuildMakesEveryImageTheComposeFileUses() throws Exception {
    requireDockerCompose();
    String resolved = run(ROOT, "docker-compose", "-f", "docker-compose.yml", "config").out();
    Set<String> images = hosts(resolved, "(?m)^\\s*image:\\s*(\\S+)");
    assertThat(images).contains("jam-session:local");
    String script = Files.readString(ROOT.resolve("deploy/offline-images.sh"));
    for (String image : images) {
      assertThat(script).as("deploy/offline-images.sh builds " + image).containsPattern(
          "(?m)^build " + Pattern.quote(image) + "\\s+deploy/offline/\\S+\\.Dockerfile");
    }
    for (String file : hosts(script, "(?m)^build \\S+\\s+(deploy/offline/\\S+\\.Dockerfile)")) {
      String dockerfile = Files.readString(ROOT.resolve(file));
      assertThat(dockerfile).as(file + ": built on the Debian base").contains("FROM ${BASE_IMAGE}")
          .doesNotContainPattern(BUILDKIT_ONLY);
    }
  }

  @Test
  void shellScriptsParse() throws Exception {
    for (String script : List.of("scripts/cluster", "deploy/offline-images.sh", "system-tests/compose/run.sh")) {
      Result r = run(ROOT, "bash", "-n", script);
      assertThat(r.exit()).as("bash -n " + script + ": " + r.out()).isZero();
      assertThat(Files.isExecutable(ROOT.resolve(script))).as(script + " is executable").isTrue();
    }
    for (String script : List.of("deploy/docker-entrypoint.sh", "deploy/healthcheck.sh")) {
      Result r = run(ROOT, "sh", "-n", script);
      assertThat(r.exit()).as("sh -n " + script + ": " + r.out()).isZero();
      assertThat(Files.isExecutable(ROOT.resolve(script))).as(script + " is executable").isTrue();
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static Set<String> hosts(String text, String regex) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
