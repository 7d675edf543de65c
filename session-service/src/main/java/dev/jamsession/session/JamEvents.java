package dev.jamsession.session;

import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.Outcome;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.runtime.bus.EventMessage;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what a command did on jam.events.CODE, counts it, and logs the moments an operator
 * wants to see (joins, leaves, host migration, end). Never logs names or tokens.
 */
final class JamEvents {
  private static final Logger LOG = LoggerFactory.getLogger(JamEvents.class);

  private final EventBus bus;
  private final SessionMetrics metrics;

  JamEvents(EventBus bus, SessionMetrics metrics) {
    this.bus = bus;
    this.metrics = metrics;
  }

  /**
   * {@code commandAt}: when the gateway received the command (or the tick ran); carried on each
   * event so the gateways can measure command-to-socket latency.
   */
  void publish(String code, Command command, Outcome outcome, long commandAt) {
    metrics.record(command, outcome);
    String address = Addresses.events(code);
    for (Map<String, Object> event : outcome.events()) {
      log(code, event);
      Map<?, ?> data = (Map<?, ?>) event.get("data");
      String participant = data.get("participant") instanceof Map<?, ?> p ? (String) p.get("id") : null;
      EventMessage.publish(bus, address, new JsonObject(event).toBuffer(), (String) event.get("type"),
          ((Number) event.get("rev")).longValue(), participant, null, commandAt);
    }
  }

  private static void log(String code, Map<String, Object> event) {
    Map<?, ?> data = (Map<?, ?>) event.get("data");
    Object who = data.get("participant") instanceof Map<?, ?> p ? p.get("id") : null;
    switch ((String) event.get("type")) {
      case "participant-joined" -> LOG.info("Jam {}: {} joined", code, who);
      case "participant-left" -> LOG.info("Jam {}: {} left ({})", code, who, data.get("reason"));
      case "host-changed" -> LOG.info("Jam {}: host is now {}", code, data.get("hostId"));
      case "session-ended" -> LOG.info("Jam {} ended ({})", code, data.get("reason"));
      default -> { }
    }
  }
}
