package dev.jamsession.testkit;

import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Hazelcast cluster on loopback for one test class: TCP-IP join on 127.0.0.1, no
 * multicast, a unique cluster name, one explicit port per member. Each member joins the ones
 * started before it. Closing stops every member still running.
 */
public final class TestCluster implements AutoCloseable {
  private final String name = "jam-test-" + UUID.randomUUID();
  private final List<String> members = new ArrayList<>();
  private final List<JamNode> nodes = new ArrayList<>();
  private final Map<String, String> extraEnv;
  private final String dataDir = tempDir();

  public TestCluster() {
    this(Map.of());
  }

  /** {@code extraEnv} goes into every member's configuration (e.g. short grace periods). */
  public TestCluster(Map<String, String> extraEnv) {
    this.extraEnv = extraEnv;
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("jam-data").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration of the next member: loopback only, HTTP on a free port. */
  public JamConfig nextConfig() {
    return nextConfig(Map.of());
  }

  /** {@link #nextConfig()} with this member's own variables on top. */
  public JamConfig nextConfig(Map<String, String> memberEnv) {
    int port = FreePort.loopback();
    List<String> join = new ArrayList<>(members);
    join.add("127.0.0.1:" + port);
    Map<String, String> env = new HashMap<>();
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("CLUSTER_NAME", name);
    env.put("CLUSTER_HOST", "127.0.0.1");
    env.put("CLUSTER_PORT", Integer.toString(port));
    env.put("CLUSTER_MEMBERS", String.join(",", join));
    env.put("DATA_DIR", dataDir); // the members of one test share a machine's playlist file
    env.putAll(extraEnv);
    env.putAll(memberEnv);
    return JamConfig.fromEnv(env);
  }

  public JamNode start(JamNode.Role role) throws Exception {
    return start(nextConfig(), role);
  }

  public JamNode start(JamConfig config, JamNode.Role role) throws Exception {
    JamNode node = JamNode.start(config.cluster(), role).await(60, TimeUnit.SECONDS);
    members.add("127.0.0.1:" + config.cluster().memberPort());
    nodes.add(node);
    awaitSafe(node);
    return node;
  }

  /**
   * Waits until every member sees the others and every partition's backup is in sync, so a test
   * never starts while members still connect or migrate (Hazelcast has no event for it: polled).
   */
  private void awaitSafe(JamNode node) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(node.hazelcast().getCluster().getMembers().size() == nodes.size()
        && node.hazelcast().getPartitionService().isClusterSafe())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the test cluster did not settle within 60 s");
      }
      Thread.sleep(20);
    }
  }

  /** Stops one member gracefully (its partitions migrate to the others). */
  public void stop(JamNode node) throws Exception {
    nodes.remove(node);
    node.close().await(30, TimeUnit.SECONDS);
  }

  /**
   * Kills one member abruptly, as a crash would: Hazelcast terminates without handing over its
   * partitions, so the others promote their backup replicas once they declare it dead.
   */
  public void kill(JamNode node) throws Exception {
    nodes.remove(node);
    node.hazelcast().getLifecycleService().terminate();
    node.close().otherwise((Void) null).await(30, TimeUnit.SECONDS);
  }

  public String name() {
    return name;
  }

  /**
   * Stops the members one at a time, the last started first. Not all at once: a member leaving
   * while another deregisters its event-bus listeners makes that deregistration retry against
   * the gone member until its 60 s call timeout (Hazelcast 5.3).
   */
  @Override
  public void close() throws Exception {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close().await(30, TimeUnit.SECONDS);
    }
    nodes.clear();
  }
}
