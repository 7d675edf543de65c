package dev.jamsession.gateway.bridge;

import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The open bridge connections of one gateway verticle, by socket and by server-side id. */
final class Connections {
  private final Map<SockJSSocket, Connection> bySocket = new HashMap<>();
  private final Map<String, Connection> byId = new HashMap<>();

  Connection open(SockJSSocket socket) {
    String ip = socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
    Connection c = new Connection(UUID.randomUUID().toString(), ip);
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
