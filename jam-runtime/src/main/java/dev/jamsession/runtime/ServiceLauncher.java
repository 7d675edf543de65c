package dev.jamsession.runtime;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main of every service process: read the configuration (a bad value stops start-up naming
 * the variable), join the cluster in the right role, deploy, and on SIGTERM close everything
 * gracefully within a bounded time.
 */
public final class ServiceLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);
  // A gateway's DRAIN_DELAY, its bridge drain and server shutdown, then Hazelcast's graceful leave.
  private static final long SHUTDOWN_TIMEOUT_MS = 15_000;

  private ServiceLauncher() {}

  public static void run(String service, JamNode.Role role, Map<String, String> env,
                         BiFunction<JamNode, JamConfig, Future<?>> deploy) {
    System.setProperty("hazelcast.logging.type", "slf4j"); // before Hazelcast's first log line
    JamConfig config = require(() -> JamConfig.fromEnv(env));
    JamNode node;
    try {
      node = JamNode.start(config.cluster(), role)
          .compose(n -> deploy.apply(n, config).map(n))
          .await(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.error("{} failed to start: {}", service, e.getMessage(), e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(service, node), service + "-shutdown"));
    LOG.info("{} started", service);
  }

  /** What a service deploys once its node is up, with what it loaded before joining. */
  public interface Deployment<T> {
    Future<?> deploy(JamNode node, JamConfig config, T loaded);
  }

  /**
   * The main of a service that needs something from the environment before it joins the cluster
   * (the catalog, which may take a while to scan): a bad value there stops start-up too.
   */
  public static <T> void run(String service, JamNode.Role role, Function<Map<String, String>, T> load,
                             Deployment<T> deploy) {
    Map<String, String> env = System.getenv();
    T loaded = require(() -> load.apply(env));
    run(service, role, env, (node, config) -> deploy.deploy(node, config, loaded));
  }

  /** Runs a start-up step whose IllegalArgumentException names a bad variable; exits on it. */
  public static <T> T require(Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return null;
    }
  }

  private static void stop(String service, JamNode node) {
    LOG.info("{} stopping", service);
    CountDownLatch closed = new CountDownLatch(1);
    node.close().onComplete(ar -> closed.countDown());
    try {
      if (!closed.await(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        LOG.warn("{} did not close within {} ms", service, SHUTDOWN_TIMEOUT_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
