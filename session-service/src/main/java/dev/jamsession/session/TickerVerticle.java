package dev.jamsession.session;

import dev.jamsession.core.domain.Command;
import dev.jamsession.core.protocol.Addresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advances time for the jams whose primary partition this member owns: autoplay to the next
 * song and the end of disconnect grace periods. Each jam has exactly one ticker, and it moves
 * with the partition when members come and go (DESIGN decision 4).
 */
public final class TickerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TickerVerticle.class);

  private final SessionSettings settings;
  private JamStore store;
  private boolean running;

  public TickerVerticle(SessionSettings settings) {
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    store = new JamStore(vertx, settings.jams());
    vertx.setPeriodic(settings.tickIntervalMs(), id -> tick());
    return Future.succeededFuture();
  }

  private void tick() {
    if (running) {
      return; // the previous sweep is still running: skip rather than pile up
    }
    running = true;
    store.localCodes()
        .compose(codes -> codes.isEmpty()
            ? Future.succeededFuture(Map.<String, JamProcessor.Result>of())
            : store.executeAll(codes, new Command.Tick(settings.disconnectGraceMs())))
        .onSuccess(results -> results.forEach((code, result) -> {
          if (result != null && result.outcome() != null) {
            result.outcome().events().forEach(event ->
                vertx.eventBus().publish(Addresses.events(code), new JsonObject(event)));
          }
        }))
        .onFailure(t -> LOG.warn("Tick failed: {}", t.toString()))
        .onComplete(ar -> running = false);
  }
}
