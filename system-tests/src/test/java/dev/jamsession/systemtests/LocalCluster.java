package dev.jamsession.systemtests;

import dev.jamsession.testkit.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The docker-compose topology as separate JVM processes on loopback, for one test class: each
 * service its own process from the shaded jar, configured only by environment variables as in a
 * container; a unique CLUSTER_NAME per run, free ports, logs under target/system-test-logs/.
 * The session-service members are the TCP-IP member list every process joins through.
 */
final class LocalCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

  static final String SESSION_MAIN = "dev.jamsession.session.SessionServiceMain";
  static final String GATEWAY_MAIN = "dev.jamsession.gateway.GatewayMain";
  static final String RECOMMENDER_MAIN = "dev.jamsession.recommender.RecommenderMain";
  static final String CLEANUP_MAIN = "dev.jamsession.cleanup.CleanupMain";
  static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  final String clusterName = "jam-st-" + UUID.randomUUID().toString().substring(0, 8);
  final Path logDir;
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final Map<String, String> baseEnv = new HashMap<>();

  /** Defines (does not start) the services; {@code env} goes to every process. */
  LocalCluster(String run, int sessions, int gateways, int recommenders, boolean cleanup,
               Map<String, String> env) {
    Path jar = jar();
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
    logDir = Path.of(System.getProperty("jam.logs", "target/system-test-logs")).resolve(run + "-" + stamp);
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Integer> sessionMemberPorts = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      sessionMemberPorts.add(FreePort.loopback());
    }
    List<String> members = sessionMemberPorts.stream().map(p -> "127.0.0.1:" + p).toList();
    baseEnv.put("HOST", "127.0.0.1");
    baseEnv.put("CLUSTER_NAME", clusterName);
    baseEnv.put("CLUSTER_HOST", "127.0.0.1");
    baseEnv.put("CLUSTER_PUBLIC_HOST", "127.0.0.1");
    baseEnv.put("CLUSTER_MEMBERS", String.join(",", members));
    baseEnv.put("LOG_LEVEL", "INFO");
    baseEnv.put("DATA_DIR", logDir.resolve("data").toString()); // the gateways' playlist file
    // Loopback: a member silent for 5 s is dead (Hazelcast heartbeats every second).
    baseEnv.put("CLUSTER_FAILURE_TIMEOUT", "5000");
    baseEnv.putAll(env);
    for (int i = 0; i < sessions; i++) {
      define("session-" + (i + 1), SESSION_MAIN, sessionMemberPorts.get(i), jar);
    }
    for (int i = 0; i < gateways; i++) {
      define("gateway-" + (i + 1), GATEWAY_MAIN, FreePort.loopback(), jar);
    }
    for (int i = 0; i < recommenders; i++) {
      define("recommender-" + (i + 1), RECOMMENDER_MAIN, FreePort.loopback(), jar);
    }
    if (cleanup) {
      define("cleanup", CLEANUP_MAIN, FreePort.loopback(), jar);
    }
  }

  private void define(String name, String main, int memberPort, Path jar) {
    int httpPort = FreePort.loopback();
    Map<String, String> env = new HashMap<>(baseEnv);
    env.put("CLUSTER_PORT", Integer.toString(memberPort));
    env.put(main.equals(GATEWAY_MAIN) ? "PORT" : "MANAGEMENT_PORT", Integer.toString(httpPort));
    env.put("CACHE_DIR", logDir.resolve("cache-" + name).toString());
    services.put(name, new ServiceProcess(name, main, httpPort, memberPort, env, jar, logDir.resolve(name + ".log")));
  }

  /** The shaded jar (-Djam.jar, set by the pom); fails with what to do when it is missing. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("jam.jar", "../launcher/target/jam-session.jar")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No " + jar + ": build it first (mvn -B -q install -DskipTests)");
    }
    return jar;
  }

  /** Whether the shaded jar contains {@code className}. */
  static boolean jarHas(String className) {
    try (JarFile jarFile = new JarFile(jar().toFile())) {
      return jarFile.getEntry(className.replace('.', '/') + ".class") != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts every service: the first session member alone (it forms the cluster), then all the
   * others at once; returns when every /ready answers 200.
   */
  LocalCluster start() throws Exception {
    LOG.info("cluster {}: starting {} (logs in {})", clusterName, services.keySet(), logDir);
    List<ServiceProcess> all = new ArrayList<>(services.values());
    try {
      ServiceProcess first = all.get(0);
      first.start();
      first.awaitReady(READY_TIMEOUT);
      for (ServiceProcess p : all.subList(1, all.size())) {
        p.start();
      }
      for (ServiceProcess p : all.subList(1, all.size())) {
        p.awaitReady(READY_TIMEOUT);
      }
      return this;
    } catch (Exception | Error e) {
      close(); // the caller never gets this cluster to close
      throw e;
    }
  }

  ServiceProcess get(String name) {
    ServiceProcess p = services.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no service " + name + " in " + services.keySet());
    }
    return p;
  }

  List<ServiceProcess> all() {
    return List.copyOf(services.values());
  }

  /** The gateways, gateway-1 first. */
  List<ServiceProcess> gateways() {
    return services.values().stream().filter(ServiceProcess::isGateway).toList();
  }

  /** Graceful restart: SIGTERM, wait for the exit, start again, wait for /ready. Returns the exit code. */
  int restart(ServiceProcess p) throws Exception {
    long t0 = System.nanoTime();
    int exit = p.stop(STOP_TIMEOUT);
    long stopped = System.nanoTime();
    p.start();
    p.awaitReady(READY_TIMEOUT);
    LOG.info("{} restarted: stop took {} ms (exit {}), start {} ms", p.name,
        (stopped - t0) / 1_000_000, exit, (System.nanoTime() - stopped) / 1_000_000);
    return exit;
  }

  /** Every process this cluster started is gone afterwards (SIGKILL: the data is not needed). */
  @Override
  public void close() {
    for (ServiceProcess p : services.values()) {
      try {
        p.kill();
      } catch (Exception e) {
        LOG.warn("could not kill {}: {}", p.name, e.toString());
      }
    }
  }
}
