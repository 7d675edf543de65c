package dev.jamsession.gateway.bridge;

import dev.jamsession.core.domain.EventType;
import dev.jamsession.runtime.bus.EventMessage;
import io.vertx.core.eventbus.Message;

/**
 * What the gateway needs to know of a jam event to route it, read once per gateway from the
 * message headers (the body stays the bytes session-service encoded). {@code type} is null for
 * a type this server does not know, which is delivered as it is.
 */
record EventMeta(EventType type, long rev, String participant, String detached, long commandAt) {

  static EventMeta of(Message<?> msg) {
    return new EventMeta(EventType.fromWireName(EventMessage.type(msg)), EventMessage.rev(msg),
        EventMessage.participant(msg), EventMessage.detached(msg), EventMessage.commandAt(msg));
  }

  /** Whether, after this event, the connection bound to {@code participantId} is no longer in the jam. */
  boolean ends(String connectionId, String participantId) {
    return type == EventType.SESSION_ENDED
        || connectionId.equals(detached)
        || (type == EventType.PARTICIPANT_LEFT && participantId != null && participantId.equals(participant));
  }
}
