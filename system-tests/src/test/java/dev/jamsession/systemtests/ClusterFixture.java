package dev.jamsession.systemtests;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a failover test runs against, for the whole test class: a started {@link LocalCluster}
 * and one client-side Vert.x for its players. Register it as a static
 * {@code @RegisterExtension} field; the definition given is called (and its cluster started)
 * before the class's {@code @BeforeAll} methods, so it may also abort the class with an
 * assumption. After the class's {@code @AfterAll} methods the Vert.x is closed and then, even if
 * that failed, the cluster is killed.
 */
final class ClusterFixture implements BeforeAllCallback, AfterAllCallback {
  private final Callable<LocalCluster> definition;
  private LocalCluster cluster;
  private Vertx vertx;

  ClusterFixture(Callable<LocalCluster> definition) {
    this.definition = definition;
  }

  LocalCluster cluster() {
    if (cluster == null) {
      throw new IllegalStateException("the cluster is not started");
    }
    return cluster;
  }

  Vertx vertx() {
    if (vertx == null) {
      throw new IllegalStateException("the cluster is not started");
    }
    return vertx;
  }

  /** {@link Jams#populate} over every gateway of the cluster, the players' clients on {@link #vertx}. */
  List<Player> populate(Ledger ledger, int jams, int perJam, JsonObject settings) throws Exception {
    return Jams.populate(vertx(), ledger, cluster().gateways(), jams, perJam, settings);
  }

  /** Up to {@code limit} ids of the catalog, as gateway-1 serves it. */
  List<String> songIds(int limit) throws Exception {
    return Rest.songIds(cluster().get("gateway-1").httpPort, limit);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    cluster = definition.call().start();
    vertx = Vertx.vertx();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (vertx != null) {
        vertx.close().await(10, TimeUnit.SECONDS);
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }
}
