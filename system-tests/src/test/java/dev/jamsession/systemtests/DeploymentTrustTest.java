package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployment keeps issue 11's trust boundary: only the load balancer names client addresses,
 * Prometheus scrapes with the admin token, and the unauthenticated cluster ports stay private.
 */
class DeploymentTrustTest {

  static String resolvedCompose() throws Exception {
    DeploymentFilesTest.requireDockerCompose();
    DeploymentFilesTest.Result r = DeploymentFilesTest.run(DeploymentFilesTest.ROOT,
        "docker-compose", "-f", "docker-compose.yml", "config");
    assertThat(r.exit()).as(r.out()).isZero();
    return r.out();
  }

  @Test
  void theLoadBalancerSetsXForwardedForAndTheGatewaysTrustOnlyIt() throws Exception {
    String haproxy = Files.readString(DeploymentFilesTest.ROOT.resolve("deploy/haproxy.cfg"));
    assertThat(haproxy).contains("http-request set-header X-Forwarded-For %[src]")
        .doesNotContainPattern("(?m)^\\s*option\\s+forwardfor");

    String compose = resolvedCompose();
    Matcher lb = Pattern.compile("ipv4_address: (\\S+)").matcher(compose);
    assertThat(lb.find()).as("the load balancer has a fixed address").isTrue();
    String address = lb.group(1);
    assertThat(compose.split("TRUSTED_PROXIES: " + Pattern.quote(address) + "\n", -1)).as("both gateways trust it").hasSize(3);
    assertThat(compose.split("TRUST_PROXY: 'true'|TRUST_PROXY: \"true\"", -1)).hasSize(3);
  }

  @Test
  void prometheusScrapesEveryJamServiceWithTheAdminToken() throws Exception {
    String prometheus = Files.readString(DeploymentFilesTest.ROOT.resolve("deploy/prometheus.yml"));
    String[] jobs = prometheus.split("- job_name: ");
    int jamJobs = 0;
    for (String job : jobs) {
      if (job.contains(":9100'") || job.contains(":4000'")) {
        jamJobs++;
        assertThat(job).as(job).containsPattern("authorization: (\\*admin-token|&admin-token)");
      }
    }
    assertThat(jamJobs).isEqualTo(4);
    assertThat(prometheus).contains("credentials_file: /tmp/admin-token");
    String compose = resolvedCompose();
    assertThat(compose).contains("> /tmp/admin-token");
  }

  @Test
  void hazelcastEventBusAndManagementPortsArePublishedNowhere() throws Exception {
    String compose = resolvedCompose();
    for (String port : new String[] {"5701", "5801", "9100"}) {
      assertThat(compose).as(port).doesNotContainPattern("published: \"?" + port);
    }
  }
}
