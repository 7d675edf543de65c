package dev.jamsession.gateway.bridge;

import dev.jamsession.core.domain.SnapshotField;
import dev.jamsession.core.protocol.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The gateway node's one event-bus consumer per jam with local members (docs/ARCHITECTURE.md,
 * "The fan-out path"). Each event is turned into its frame once, here, and the same buffer goes to
 * every event loop holding members of that jam; each loop writes it to its own sockets. A
 * consumer exists while some loop holds the jam and is removed with the last hold, so a gateway's
 * cluster registrations number its jams, not its sockets. All state is confined to this
 * verticle's context; the loops call in through {@link #hold} and {@link #release}.
 */
public final class JamFanout extends VerticleBase {
  /** Where a loop receives the frames of the jams it holds; called on that loop's context. */
  interface Receiver {
    Context context();

    void deliver(String code, Frame frame, EventMeta meta);
  }

  private static final class Subscription {
    final MessageConsumer<Buffer> consumer;
    final Future<Void> live;
    final Map<Receiver, Integer> holds = new IdentityHashMap<>();
    /** The highest rev sent of each snapshot field (see {@link #superseded}). */
    final long[] sent = new long[SnapshotField.values().length];

    Subscription(MessageConsumer<Buffer> consumer) {
      this.consumer = consumer;
      this.live = consumer.completion();
    }
  }

  private final Map<String, Subscription> subscriptions = new HashMap<>();

  /**
   * Keeps the jam's consumer while the receiver holds it; the future completes on the
   * receiver's context once the consumer is registered cluster-wide.
   */
  Future<Void> hold(String code, Receiver receiver) {
    Promise<Void> live = Promise.promise();
    context.runOnContext(v -> {
      Subscription s = subscriptions.computeIfAbsent(code, this::subscribe);
      s.holds.merge(receiver, 1, Integer::sum);
      s.live.onComplete(ar -> receiver.context().runOnContext(x -> live.handle(ar)));
    });
    return live.future();
  }

  void release(String code, Receiver receiver) {
    context.runOnContext(v -> {
      Subscription s = subscriptions.get(code);
      if (s == null || s.holds.computeIfPresent(receiver, (r, n) -> n > 1 ? n - 1 : null) != null) {
        return;
      }
      if (s.holds.isEmpty()) {
        subscriptions.remove(code);
        s.consumer.unregister();
      }
    });
  }

  /** Jams this node currently has a consumer for. */
  public int jams() {
    return subscriptions.size();
  }

  private Subscription subscribe(String code) {
    String address = Addresses.events(code);
    return new Subscription(vertx.eventBus().<Buffer>consumer(address, msg -> fanOut(code, address, msg)));
  }

  private void fanOut(String code, String address, Message<Buffer> msg) {
    Subscription s = subscriptions.get(code);
    if (s == null) {
      return;
    }
    EventMeta meta = EventMeta.of(msg);
    if (superseded(s, meta)) {
      return;
    }
    Frame frame = Frames.event(address, msg.body());
    for (Receiver receiver : s.holds.keySet()) {
      if (receiver.context() == context) {
        receiver.deliver(code, frame, meta);
      } else {
        receiver.context().runOnContext(v -> receiver.deliver(code, frame, meta));
      }
    }
  }

  /**
   * A coalescible event whose every field this node already sent at a later rev: session
   * members coalesce on their own (PROTOCOL §5), so one held back on one member can arrive after
   * a newer one from another. Dropping it is the merge §5 allows, and keeps each field in rev order.
   */
  private static boolean superseded(Subscription s, EventMeta meta) {
    if (meta.type() == null) {
      return false;
    }
    boolean stale = meta.type().coalescible();
    for (SnapshotField field : meta.type().fields()) {
      stale &= s.sent[field.ordinal()] >= meta.rev();
    }
    if (!stale) {
      for (SnapshotField field : meta.type().fields()) {
        s.sent[field.ordinal()] = Math.max(s.sent[field.ordinal()], meta.rev());
      }
    }
    return stale;
  }

  @Override
  public Future<?> start() {
    return Future.succeededFuture();
  }
}
