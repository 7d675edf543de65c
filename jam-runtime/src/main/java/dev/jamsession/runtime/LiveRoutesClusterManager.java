package dev.jamsession.runtime;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.config.Config;
import io.vertx.core.Completable;
import io.vertx.core.spi.cluster.RegistrationInfo;
import io.vertx.core.spi.cluster.RegistrationListener;
import io.vertx.core.spi.cluster.RegistrationUpdateEvent;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Vert.x's Hazelcast cluster manager, with a member that left taken out of the event bus's
 * routing the moment Hazelcast reports it gone. Vert.x itself forgets a dead member's consumers
 * only once every member has scanned the cluster-wide subscription map and removed them, which
 * waits for the dead member's partitions to be promoted (seconds after its death, on a busy
 * machine): until then a send may still pick it, and a request sent there is answered by no one
 * until its timeout. Here the event bus's node selector is handed, per address, the last
 * registrations it was given without the dead member's, before that scan starts; registrations
 * that arrive later are filtered the same way. Listeners of {@link #onRoutesLost} then learn which
 * addresses the member served, so requests still pending there can be sent again at once.
 */
final class LiveRoutesClusterManager extends HazelcastClusterManager {
  /** Where vertx-hazelcast keeps a member's Vert.x node id. */
  static final String VERTX_NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  /** Members that left, by Vert.x node id (a member that merges back after a split is taken off). */
  private final Set<String> gone = ConcurrentHashMap.newKeySet();
  /** Per address, the registrations last handed to the node selector (the addresses it routes). */
  private final Map<String, List<RegistrationInfo>> routes = new ConcurrentHashMap<>();
  private final List<Consumer<Set<String>>> routesLost = new CopyOnWriteArrayList<>();
  private volatile RegistrationListener selector;

  LiveRoutesClusterManager(Config config) {
    super(config);
  }

  /** Calls {@code listener} with the addresses a member that left had consumers on. */
  void onRoutesLost(Consumer<Set<String>> listener) {
    routesLost.add(listener);
  }

  @Override
  public void registrationListener(RegistrationListener listener) {
    selector = listener;
    super.registrationListener(new RegistrationListener() {
      @Override
      public void registrationsUpdated(RegistrationUpdateEvent event) {
        listener.registrationsUpdated(route(event.address(), event.registrations()));
      }

      @Override
      public void registrationsLost() {
        listener.registrationsLost();
      }

      @Override
      public boolean wantsUpdatesFor(String address) {
        return listener.wantsUpdatesFor(address);
      }
    });
  }

  @Override
  public void getRegistrations(String address, Completable<List<RegistrationInfo>> promise) {
    super.getRegistrations(address, (registrations, failure) -> {
      if (failure == null) {
        promise.succeed(route(address, registrations).registrations());
      } else {
        promise.fail(failure);
      }
    });
  }

  /** The registrations of live members, remembered as what the selector now routes by. */
  private RegistrationUpdateEvent route(String address, List<RegistrationInfo> registrations) {
    List<RegistrationInfo> live = registrations.stream().filter(r -> !gone.contains(r.nodeId())).toList();
    if (live.isEmpty()) {
      routes.remove(address);
    } else {
      routes.put(address, live);
    }
    return new RegistrationUpdateEvent(address, live);
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    String nodeId = event.getMember().getAttribute(VERTX_NODE_ID_ATTRIBUTE);
    RegistrationListener listener = selector;
    if (nodeId != null && listener != null && gone.add(nodeId)) {
      Set<String> lost = new HashSet<>();
      routes.forEach((address, registrations) -> {
        if (registrations.stream().anyMatch(r -> r.nodeId().equals(nodeId))) {
          lost.add(address);
          listener.registrationsUpdated(route(address, registrations));
        }
      });
      if (!lost.isEmpty()) {
        routesLost.forEach(l -> l.accept(lost));
      }
    }
    super.memberRemoved(event);
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    String nodeId = event.getMember().getAttribute(VERTX_NODE_ID_ATTRIBUTE);
    if (nodeId != null) {
      gone.remove(nodeId);
    }
    super.memberAdded(event);
  }
}
