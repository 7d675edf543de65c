package dev.jamsession.session;

import dev.jamsession.core.domain.Command;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.runtime.bus.EventMessage;
import dev.jamsession.runtime.jam.CommandResult;
import dev.jamsession.runtime.jam.EncodedEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what a command did on jam.events.CODE, once per event, with the body encoded where
 * the command ran and the routing facts in headers ({@link EventMessage}); coalesces the busy
 * types ({@link EventCoalescer}); counts it, and logs the moments an operator wants to see
 * (joins, leaves, host migration, end). Never logs names or tokens. Used from one event loop.
 */
final class JamEvents {
  private static final Logger LOG = LoggerFactory.getLogger(JamEvents.class);

  /** PROTOCOL §5 allows at most 50 ms. */
  static final long COALESCING_WINDOW_MS = 50;

  private final EventBus bus;
  private final SessionMetrics metrics;
  private final EventCoalescer coalescer;

  JamEvents(Vertx vertx, SessionMetrics metrics) {
    this.bus = vertx.eventBus();
    this.metrics = metrics;
    this.coalescer = new EventCoalescer(vertx, COALESCING_WINDOW_MS, this::send);
  }

  /**
   * {@code commandAt}: when the gateway received the command (or the tick ran); a header of
   * each event so the gateways can measure command-to-socket latency.
   */
  void publish(String code, Command command, CommandResult result, long commandAt) {
    metrics.record(command, result);
    for (EncodedEvent event : result.events()) {
      log(code, event);
      coalescer.offer(new EventCoalescer.Outgoing(code, event, commandAt));
    }
  }

  private void send(EventCoalescer.Outgoing out) {
    EncodedEvent e = out.event();
    EventMessage.publish(bus, Addresses.events(out.code()), Buffer.buffer(e.json()), e.type().wireName(),
        e.rev(), e.type().concernsParticipant() ? e.participantId() : null, e.detachedConnection(),
        out.commandAt());
  }

  private static void log(String code, EncodedEvent e) {
    switch (e.type()) {
      case PARTICIPANT_JOINED -> LOG.info("Jam {}: {} joined", code, e.participantId());
      case PARTICIPANT_LEFT -> LOG.info("Jam {}: {} left ({})", code, e.participantId(), e.reason());
      case HOST_CHANGED -> LOG.info("Jam {}: host is now {}", code, e.participantId());
      case SESSION_ENDED -> LOG.info("Jam {} ended ({})", code, e.reason());
      default -> { }
    }
  }
}
