package dev.jamsession.core.domain;

import java.util.Map;

/**
 * One event a command caused (PROTOCOL §5). {@code data} is the JSON shape of the event's data
 * (Views' maps); the facts that routing, metrics and logs need are typed beside it, so nobody
 * reads them back out of {@code data}.
 *
 * @param participantId the participant concerned (participant-* events), or the new host
 *                      (host-changed); else null
 * @param reason        why a participant left or the jam ended; else null
 * @param detachedConnection a connection whose binding this event ends (the old connection of
 *                      a participant who resumed on another), else null
 * @param durationMs    the jam's age, for session-ended; else 0
 */
public record JamEvent(EventType type, long rev, Map<String, Object> data, String participantId,
                       String reason, String detachedConnection, long durationMs) {}
