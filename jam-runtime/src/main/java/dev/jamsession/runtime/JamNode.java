package dev.jamsession.runtime;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.ReactionWindow;
import dev.jamsession.runtime.bus.InternalClient;
import dev.jamsession.runtime.jam.JamSerialization;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One service process's place in the cluster: a clustered Vert.x on Hazelcast, with its own
 * Prometheus registry. Data members (session-service, the all-in-one JVM) hold the jams; every
 * other service joins as a lite member, which holds no partitions (docs/ARCHITECTURE.md, "Jam state
 * and its single writer").
 */
public final class JamNode {
  /** The IMap of jams, keyed by session code. */
  public static final String JAMS_MAP = "jams";
  /**
   * The IMap of reaction windows, keyed by {@link #reactionKey}: beside the jams, not in them
   * (a reaction changes no state), and without backups.
   */
  public static final String REACTIONS_MAP = "reactions";
  /** Synchronous backups of each jam: losing this many members at once loses nothing. */
  static final int JAMS_BACKUPS = 1;

  public enum Role { DATA, LITE }

  private final Vertx vertx;
  private final LiveRoutesClusterManager clusterManager;
  private final PrometheusMeterRegistry registry;

  private JamNode(Vertx vertx, LiveRoutesClusterManager clusterManager, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.clusterManager = clusterManager;
    this.registry = registry;
  }

  public static Future<JamNode> start(ClusterSettings settings, Role role) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LiveRoutesClusterManager manager = new LiveRoutesClusterManager(hazelcastConfig(settings, role));
    VertxOptions options = new VertxOptions()
        // Linux epoll when its native library loads (x86_64), else NIO: fewer syscalls and no
        // selector garbage per socket write (docs/ARCHITECTURE.md, "The fan-out path").
        .setPreferNativeTransport(true)
        .setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
            // Vert.x keys backends by name: one per node, or nodes sharing a JVM share one registry.
            .setRegistryName("jam-node-" + UUID.randomUUID()));
    options.getEventBusOptions()
        .setHost(settings.host())
        .setPort(settings.eventBusPort())
        .setClusterPublicHost(settings.publicHost());
    if (settings.eventBusTls() != null) {
      settings.eventBusTls().apply(options.getEventBusOptions());
    }
    return Vertx.builder()
        .with(options)
        .withMetrics(new MicrometerMetricsFactory(registry))
        .withClusterManager(manager)
        .buildClustered()
        .map(vertx -> new JamNode(vertx, manager, registry));
  }

  static Config hazelcastConfig(ClusterSettings settings, Role role) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(settings.name());
    config.setLiteMember(role == Role.LITE);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    // Member joined / left / declared dead and (on data members) partition migrations, at INFO.
    config.addListenerConfig(new ListenerConfig(new ClusterEventsLog()));
    // A member that stops answering is declared dead quickly, so its jams' backups take over
    // within seconds rather than Hazelcast's default minute.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds",
        Long.toString(Math.max(2, settings.failureTimeoutMs() / 1000)));
    // A member whose process died while its host stays up (a crashed JVM; a container restarted
    // on the same address) refuses connections: suspect it at the second refusal rather than the
    // fourth, and let no connect attempt to a vanished address hang for the default 10 s: a third
    // of the failure timeout, so a member retries its connection to a peer that is only slow
    // (a busy machine) about three times before the peer is declared dead.
    config.setProperty("hazelcast.connection.monitor.max.faults", "1");
    config.setProperty("hazelcast.socket.connect.timeout.seconds", Long.toString(connectTimeoutSeconds(settings)));
    // Our own shutdown hook closes Vert.x first; Hazelcast then leaves gracefully (partitions migrate).
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // A graceful leave hands partitions over before exiting; bounded so a service stops within 10 s.
    config.setProperty("hazelcast.graceful.shutdown.max.wait", "7");
    config.getNetworkConfig()
        .setPort(settings.memberPort())
        .setPortAutoIncrement(false)
        .setPublicAddress(settings.publicHost() + ":" + settings.memberPort());
    if (settings.host().matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && !settings.host().equals("0.0.0.0")) {
      // An explicit IP (loopback in tests): bind only there. No port ranges (docs/ARCHITECTURE.md,
      // "Known traps").
      config.setProperty("hazelcast.socket.bind.any", "false");
      config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(settings.host());
    }
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
    JamSerialization.register(config.getSerializationConfig());
    config.addMapConfig(new MapConfig(JAMS_MAP)
        .setBackupCount(JAMS_BACKUPS)
        .setAsyncBackupCount(0)
        // Entry processors that only read (the ticker's idle checks) then skip serialization.
        .setInMemoryFormat(InMemoryFormat.OBJECT));
    config.addMapConfig(new MapConfig(REACTIONS_MAP).setBackupCount(0).setAsyncBackupCount(0)
        .setInMemoryFormat(InMemoryFormat.OBJECT));
    return config;
  }

  /** Hazelcast's connect timeout: a third of the failure timeout, in whole seconds, at least one. */
  static long connectTimeoutSeconds(ClusterSettings settings) {
    return Math.max(1, settings.failureTimeoutMs() / 3000);
  }

  public Vertx vertx() {
    return vertx;
  }

  public HazelcastInstance hazelcast() {
    return clusterManager.getHazelcastInstance();
  }

  public IMap<String, Jam> jams() {
    return hazelcast().getMap(JAMS_MAP);
  }

  public IMap<String, ReactionWindow> reactionWindows() {
    return hazelcast().getMap(REACTIONS_MAP);
  }

  /** The key of a participant's reaction window. */
  public static String reactionKey(String code, String participantId) {
    return code + "/" + participantId;
  }

  /** This member's id in the cluster; gateways prefix their connection ids with it. */
  public String nodeId() {
    return clusterManager.getNodeId();
  }

  /**
   * A client for requests to other services over this node's bus: {@code attempts} tries of
   * {@code timeoutMs} each, and a request pending on a member that dies is sent again as soon as
   * the cluster reports it gone, not after its timeout.
   */
  public InternalClient internalClient(long timeoutMs, int attempts) {
    InternalClient client = new InternalClient(vertx, timeoutMs, attempts);
    clusterManager.onRoutesLost(client::routesLost);
    return client;
  }

  /**
   * Calls {@code listener} with the node id of every member that leaves the cluster or dies.
   * Uses Hazelcast's membership events: Vert.x's own node listener slot is taken by Vert.x.
   */
  public void onMemberLeft(Consumer<String> listener) {
    hazelcast().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        String nodeId = event.getMember().getAttribute(LiveRoutesClusterManager.VERTX_NODE_ID_ATTRIBUTE);
        if (nodeId != null) {
          listener.accept(nodeId);
        }
      }
    });
  }

  /**
   * Whether this member can stop without losing data: every partition it owns has its backup
   * in sync (always true for a lite member). Readiness waits for it, so a rolling restart
   * never takes down the next data member before the backups caught up.
   */
  public boolean isSafe() {
    return hazelcast().getPartitionService().isLocalMemberSafe();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Leaves the cluster gracefully: Vert.x unregisters its consumers, Hazelcast migrates partitions. */
  public Future<Void> close() {
    return vertx.close();
  }
}
