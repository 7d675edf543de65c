package dev.jamsession.gateway.bridge;

import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The open bridge connections of one gateway verticle, by socket and by server-side id. */
final class Connections {
  private final Map<SockJSSocket, Connection> bySocket = new HashMap<>();
  private final Map<String, Connection> byId = new HashMap<>();
  private final String nodeId;
  private final boolean trustProxy;

  /**
   * {@code nodeId}: this gateway's cluster node, the prefix of its connection ids;
   * {@code trustProxy}: take the client's address from X-Forwarded-For (behind the load balancer).
   */
  Connections(String nodeId, boolean trustProxy) {
    this.nodeId = nodeId;
    this.trustProxy = trustProxy;
  }

  Connection open(SockJSSocket socket) {
    String forwarded = trustProxy && socket.headers() != null ? socket.headers().get("X-Forwarded-For") : null;
    String ip = forwarded != null ? forwarded.split(",")[0].strip()
        : socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
    // The node prefix lets session-service disconnect them all if this gateway dies.
    Connection c = new Connection(nodeId + "/" + UUID.randomUUID(), ip);
    bySocket.put(socket, c);
    byId.put(c.id, c);
    return c;
  }

  Connection of(SockJSSocket socket) {
    return bySocket.get(socket);
  }

  Connection byId(String id) {
    return id == null ? null : byId.get(id);
  }

  Connection close(SockJSSocket socket) {
    Connection c = bySocket.remove(socket);
    if (c != null) {
      byId.remove(c.id);
    }
    return c;
  }

  int size() {
    return bySocket.size();
  }
}
