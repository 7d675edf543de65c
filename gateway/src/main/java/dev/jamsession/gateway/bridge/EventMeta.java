package dev.jamsession.gateway.bridge;

import dev.jamsession.runtime.bus.EventMessage;
import io.vertx.core.eventbus.Message;

/**
 * What the gateway needs to know of a jam event to route it, read once per gateway from the
 * message headers (the body stays the bytes session-service encoded).
 */
record EventMeta(String type, String participant, String detached, long commandAt) {
  static final String SESSION_ENDED = "session-ended";
  static final String PARTICIPANT_LEFT = "participant-left";

  static EventMeta of(Message<?> msg) {
    return new EventMeta(EventMessage.type(msg), EventMessage.participant(msg), EventMessage.detached(msg),
        EventMessage.commandAt(msg));
  }

  /** Whether, after this event, the connection bound to {@code participantId} is no longer in the jam. */
  boolean ends(String connectionId, String participantId) {
    return SESSION_ENDED.equals(type)
        || connectionId.equals(detached)
        || (PARTICIPANT_LEFT.equals(type) && participantId != null && participantId.equals(participant));
  }
}
