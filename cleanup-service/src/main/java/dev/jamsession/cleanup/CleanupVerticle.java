package dev.jamsession.cleanup;

import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.runtime.bus.Replies;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every CLEANUP_INTERVAL, ends the jams idle for SESSION_TIMEOUT and those left empty past the
 * disconnect grace. It only asks: session-service finds the candidates off its event loop and
 * re-checks each one atomically before ending it, so several cleanup instances at once are
 * harmless and a jam that woke up in between is kept.
 */
public final class CleanupVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(CleanupVerticle.class);

  private final long intervalMs;
  private final long sessionTimeoutMs;
  private final DeliveryOptions internal;
  private boolean sweeping;

  public CleanupVerticle(long intervalMs, long sessionTimeoutMs, long requestTimeoutMs) {
    this.intervalMs = intervalMs;
    this.sessionTimeoutMs = sessionTimeoutMs;
    this.internal = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(intervalMs, id -> sweep());
    return Future.succeededFuture();
  }

  /** One sweep; resolves to the number of jams it ended. */
  Future<Integer> sweep() {
    if (sweeping) {
      return Future.succeededFuture(0);
    }
    sweeping = true;
    long idleBefore = System.currentTimeMillis() - sessionTimeoutMs;
    return vertx.eventBus().<JsonObject>request(Addresses.SESSION_EXPIRY_CANDIDATES,
            new JsonObject().put("idleBefore", idleBefore), internal)
        .map(Message::body)
        .compose(reply -> Replies.isSuccess(reply)
            ? endEach(reply.getJsonObject("data").getJsonArray("codes", new JsonArray()).getList(), idleBefore, 0, 0)
            : Future.failedFuture(reply.encode()))
        .onSuccess(ended -> {
          if (ended > 0) {
            LOG.info("Cleanup ended {} jam(s)", ended);
          }
        })
        .onFailure(t -> LOG.warn("Cleanup sweep failed: {}", t.getMessage()))
        .onComplete(ar -> sweeping = false);
  }

  /** One request at a time: a sweep over many jams never floods the session members. */
  private Future<Integer> endEach(List<?> codes, long idleBefore, int index, int ended) {
    if (index == codes.size()) {
      return Future.succeededFuture(ended);
    }
    JsonObject request = new JsonObject().put("code", codes.get(index)).put("idleBefore", idleBefore);
    return vertx.eventBus().<JsonObject>request(Addresses.SESSION_EXPIRE, request, internal)
        .map(msg -> Replies.isSuccess(msg.body()) && msg.body().getJsonObject("data").getBoolean("ended", false))
        .otherwise(false)
        .compose(done -> endEach(codes, idleBefore, index + 1, done ? ended + 1 : ended));
  }
}
