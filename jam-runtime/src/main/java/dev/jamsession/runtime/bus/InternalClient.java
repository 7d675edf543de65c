package dev.jamsession.runtime.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

/**
 * Requests between services with a short timeout and retries: a dead or restarting instance
 * costs a retry on the next one (the bus round-robins), not a 30-second hang. Callers retry
 * only what is safe to repeat: reads, or commands carrying a request id the jam remembers.
 */
public final class InternalClient {
  private final EventBus bus;
  private final DeliveryOptions options;
  private final int attempts;

  public InternalClient(EventBus bus, long timeoutMs, int attempts) {
    this.bus = bus;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
    this.attempts = attempts;
  }

  /** Whether some instance answers on {@code address} right now (one try: a readiness probe). */
  public Future<Boolean> reachable(String address) {
    return bus.<JsonObject>request(address, new JsonObject(), options).map(true).otherwise(false);
  }

  public Future<JsonObject> request(String address, JsonObject payload) {
    return attempt(address, payload, attempts);
  }

  private Future<JsonObject> attempt(String address, JsonObject payload, int left) {
    return bus.<JsonObject>request(address, payload, options)
        .map(Message::body)
        .recover(t -> t instanceof ReplyException && left > 1
            ? attempt(address, payload, left - 1)
            : Future.failedFuture(t));
  }
}
