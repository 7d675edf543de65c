package dev.jamsession.gateway.bridge;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connections of one event loop, grouped by the jam they are bound to. A bound connection
 * keeps its jam's consumer alive on this node even before it registers, so the gateway sees the
 * event that ends its membership (left, kicked, superseded, ended) and never lets a stale
 * binding register later. Frames go only to connections that registered.
 */
final class LocalRooms implements JamFanout.Receiver {
  private static final class Room {
    final Set<Connection> members = new LinkedHashSet<>();
    final Future<Void> live;

    Room(Future<Void> live) {
      this.live = live;
    }
  }

  private final Context context;
  private final JamFanout fanout;
  private final BridgeMetrics metrics;
  private final Map<String, Room> rooms = new HashMap<>();

  LocalRooms(Context context, JamFanout fanout, BridgeMetrics metrics) {
    this.context = context;
    this.fanout = fanout;
    this.metrics = metrics;
  }

  @Override
  public Context context() {
    return context;
  }

  /** Holds the jam's consumer while a join is in flight, so no event after the join is missed. */
  Future<Void> hold(String code) {
    return fanout.hold(code, this);
  }

  void release(String code) {
    fanout.release(code, this);
  }

  /**
   * Binds the connection to a participant of the jam, or with {@code participantId} null makes it
   * a screen of the jam (leaving any room it was in), as of the jam's {@code rev} in the reply.
   */
  void bind(Connection c, String code, String participantId, long rev) {
    unbind(c);
    c.bind(code, participantId, rev);
    rooms.computeIfAbsent(code, k -> new Room(fanout.hold(k, this))).members.add(c);
  }

  void unbind(Connection c) {
    String code = c.code();
    c.unbind();
    Room room = code == null ? null : rooms.get(code);
    if (room != null && room.members.remove(c) && room.members.isEmpty()) {
      rooms.remove(code);
      fanout.release(code, this);
    }
  }

  /** Completes once the events of the connection's jam reach this node. */
  Future<Void> live(Connection c) {
    Room room = c.code() == null ? null : rooms.get(c.code());
    return room == null ? Future.failedFuture("not bound") : room.live;
  }

  @Override
  public void deliver(String code, Frame frame, EventMeta meta) {
    Room room = rooms.get(code);
    if (room == null) {
      return;
    }
    List<Connection> ended = null;
    int written = 0;
    for (Connection c : room.members) {
      // An event from before the binding (a resume elsewhere that detached this connection, then
      // a join on it answered first) ended an earlier one: unbinding now would leave a ghost.
      boolean ends = meta.rev() > c.boundRev() && meta.ends(c.id, c.participantId());
      if (c.isListening() && !c.id.equals(meta.detached())) {
        c.write(frame);
        written++;
      }
      if (ends) {
        if (ended == null) {
          ended = new ArrayList<>();
        }
        ended.add(c);
      }
    }
    if (ended != null) {
      ended.forEach(this::unbind);
    }
    metrics.delivered(written, meta.commandAt());
  }
}
