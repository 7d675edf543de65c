package dev.jamsession.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node ids of members that left the cluster, as this member heard of them, so that a join
 * reaching its jam after the loss of its gateway was handled (sent just before the gateway died,
 * run late by a busy partition thread) is disconnected too, not left connected with no socket
 * for ever. Node ids are made anew at every start, so none comes back; beyond a bound the
 * oldest are forgotten (a join is late by seconds, not by a thousand departures).
 */
final class LostGateways {
  private static final int KEPT = 1_024;
  private final Map<String, Boolean> ids = Collections.synchronizedMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > KEPT;
    }
  });

  void add(String nodeId) {
    ids.put(nodeId, Boolean.TRUE);
  }

  /** The gateway of {@code connectionId} ({@code <nodeId>/<n>}) if it has left, else null. */
  String lostGatewayOf(String connectionId) {
    int slash = connectionId == null ? -1 : connectionId.indexOf('/');
    String gateway = slash < 0 ? null : connectionId.substring(0, slash);
    return gateway != null && ids.containsKey(gateway) ? gateway : null;
  }
}
