package dev.jamsession.runtime;

import java.util.List;

/**
 * Where this process joins the Hazelcast cluster: its own member port, the TCP-IP member list
 * (no multicast anywhere) and the event-bus port for Vert.x's own node-to-node traffic, with its
 * TLS ({@code eventBusTls}, null for plain TCP).
 */
public record ClusterSettings(String name, String host, int memberPort, List<String> members,
                              int eventBusPort, String publicHost, long failureTimeoutMs,
                              EventBusTls eventBusTls) {

  static ClusterSettings fromEnv(JamConfig.Vars v) {
    String host = v.string("CLUSTER_HOST", "127.0.0.1");
    int port = v.integer("CLUSTER_PORT", 5701, 1, 65535);
    List<String> members = v.list("CLUSTER_MEMBERS");
    for (String m : members) {
      if (!m.matches("[A-Za-z0-9._-]+(:\\d{1,5})?")) {
        throw new IllegalArgumentException(
            "CLUSTER_MEMBERS must be a comma-separated list of host[:port], got '" + m + "'");
      }
    }
    return new ClusterSettings(
        v.string("CLUSTER_NAME", "jam-session"),
        host,
        port,
        members.isEmpty() ? List.of(host + ":" + port) : members,
        v.integer("EVENTBUS_PORT", 0, 0, 65535),
        v.string("CLUSTER_PUBLIC_HOST", host),
        v.duration("CLUSTER_FAILURE_TIMEOUT", 6_000),
        EventBusTls.fromEnv(v));
  }
}
