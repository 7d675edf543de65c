package dev.jamsession.runtime.bus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests between services with a short timeout and retries: a dead or restarting instance
 * costs a retry on the next one (the bus round-robins), not a 30-second hang. Callers retry
 * only what is safe to repeat: reads, or commands carrying a request id the jam remembers.
 *
 * <p>A request that went to a member which then died gets no answer; rather than wait for its
 * timeout, it is sent again as soon as the cluster reports that member gone
 * ({@link #routesLost}, which {@code JamNode.internalClient} wires up; by then the bus routes
 * past it). Such a resend costs no attempt, and whichever answer comes first is the reply.
 */
public final class InternalClient {
  private final Vertx vertx;
  private final DeliveryOptions options;
  private final int attempts;
  private final Set<Pending> pending = ConcurrentHashMap.newKeySet();

  public InternalClient(Vertx vertx, long timeoutMs, int attempts) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
    this.attempts = attempts;
  }

  /** Whether some instance answers on {@code address} right now (one try: a readiness probe). */
  public Future<Boolean> reachable(String address) {
    return bus().<JsonObject>request(address, new JsonObject(), options).map(true).otherwise(false);
  }

  public Future<JsonObject> request(String address, JsonObject payload) {
    Context context = vertx.getOrCreateContext();
    Pending request = new Pending(address, payload, context);
    pending.add(request);
    if (context == Vertx.currentContext()) {
      request.send();
    } else {
      context.runOnContext(v -> request.send());
    }
    return request.reply.future().andThen(ar -> pending.remove(request));
  }

  /**
   * A member that had consumers on {@code addresses} is gone: the requests still pending on them
   * may have gone there, and are sent again now (each on its own context).
   */
  public void routesLost(Set<String> addresses) {
    for (Pending request : pending) {
      if (addresses.contains(request.address)) {
        request.context.runOnContext(v -> request.resend());
      }
    }
  }

  private EventBus bus() {
    return vertx.eventBus();
  }

  /** One request and its attempts; touched only on its context. */
  private final class Pending {
    final String address;
    final JsonObject payload;
    final Context context;
    final Promise<JsonObject> reply = Promise.promise();
    int attemptsLeft = attempts;
    /** The newest send: an older one that fails (its member died) no longer decides anything. */
    int latest;

    Pending(String address, JsonObject payload, Context context) {
      this.address = address;
      this.payload = payload;
      this.context = context;
    }

    void send() {
      attemptsLeft--;
      resend();
    }

    void resend() {
      if (reply.future().isComplete()) {
        return;
      }
      int sent = ++latest;
      bus().<JsonObject>request(address, payload, options).onComplete(ar -> {
        if (ar.succeeded()) {
          reply.tryComplete(ar.result().body());
        } else if (sent == latest) {
          if (ar.cause() instanceof ReplyException && attemptsLeft > 0) {
            send();
          } else {
            reply.tryFail(ar.cause());
          }
        }
      });
    }
  }
}
