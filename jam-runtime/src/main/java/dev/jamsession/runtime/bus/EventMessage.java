package dev.jamsession.runtime.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.EventBus;

/**
 * How a jam event travels from session-service to the gateways on {@code jam.events.<CODE>}:
 * the body is the event ({type, rev, data} of PROTOCOL §5) already encoded to JSON bytes where
 * the command ran, so no gateway parses or re-encodes it; what a gateway needs to route it is in
 * the headers. Published once per event; each gateway node holds one consumer per jam.
 */
public final class EventMessage {
  private EventMessage() {}

  /** The event's type name (e.g. queue-updated). */
  public static final String TYPE = "type";
  /** The jam revision the event carries. */
  public static final String REV = "rev";
  /** For participant-* events: the id of the participant concerned. */
  public static final String PARTICIPANT = "participant";
  /**
   * A connection id whose binding this event ends: the previous connection of a participant who
   * resumed on another one (the gateway holding it stops treating it as a member).
   */
  public static final String DETACHED = "detached";
  /** When the gateway received the command that caused it (epoch ms), for latency metrics. */
  public static final String COMMAND_AT = "commandAt";

  public static void publish(EventBus bus, String address, Buffer encodedEvent,
                             String type, long rev, String participantId, String detachedConnection,
                             long commandAt) {
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(TYPE, type)
        .addHeader(REV, Long.toString(rev))
        .addHeader(COMMAND_AT, Long.toString(commandAt));
    if (participantId != null) {
      options.addHeader(PARTICIPANT, participantId);
    }
    if (detachedConnection != null) {
      options.addHeader(DETACHED, detachedConnection);
    }
    bus.publish(address, encodedEvent, options);
  }

  public static String type(Message<?> msg) {
    return msg.headers().get(TYPE);
  }

  public static long rev(Message<?> msg) {
    String rev = msg.headers().get(REV);
    return rev == null ? 0 : Long.parseLong(rev);
  }

  public static String participant(Message<?> msg) {
    return msg.headers().get(PARTICIPANT);
  }

  public static String detached(Message<?> msg) {
    return msg.headers().get(DETACHED);
  }

  public static long commandAt(Message<?> msg) {
    String at = msg.headers().get(COMMAND_AT);
    return at == null ? 0 : Long.parseLong(at);
  }
}
