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

  /** {@code nodeId}: this gateway's cluster node, the prefix of its connection ids. */
  Connections(String nodeId) {
    this.nodeId = nodeId;
  }

  Connection open(SockJSSocket socket) {
    String ip = socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
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
