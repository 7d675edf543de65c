package dev.jamsession.runtime.jam;

import dev.jamsession.core.domain.EventType;
import dev.jamsession.core.domain.JamEvent;

/**
 * An event as it leaves the partition owner: its typed facts (what the bus headers, metrics
 * and logs need) and its JSON, already encoded ({@link JamJson#event}).
 */
public record EncodedEvent(EventType type, long rev, String participantId, String reason,
                           String detachedConnection, long durationMs, byte[] json) {

  public static EncodedEvent of(JamEvent e) {
    return new EncodedEvent(e.type(), e.rev(), e.participantId(), e.reason(), e.detachedConnection(),
        e.durationMs(), JamJson.event(e));
  }
}
