package dev.jamsession.core.domain;

import static dev.jamsession.core.domain.SnapshotField.CURRENT;
import static dev.jamsession.core.domain.SnapshotField.HISTORY;
import static dev.jamsession.core.domain.SnapshotField.HOST_ID;
import static dev.jamsession.core.domain.SnapshotField.PARTICIPANTS;
import static dev.jamsession.core.domain.SnapshotField.PLAYBACK;
import static dev.jamsession.core.domain.SnapshotField.QUEUE;
import static dev.jamsession.core.domain.SnapshotField.SETTINGS;
import static dev.jamsession.core.domain.SnapshotField.SKIP_VOTES;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event types of PROTOCOL §5, declared once: the wire name, the snapshot fields each carries
 * (a settings-updated that reordered the queue carries the queue too, §11), and whether a server
 * may coalesce it (§5 Coalescing).
 */
public enum EventType {
  PARTICIPANT_JOINED("participant-joined", false, PARTICIPANTS, HOST_ID, SKIP_VOTES),
  PARTICIPANT_LEFT("participant-left", false, PARTICIPANTS, HOST_ID, SKIP_VOTES, QUEUE),
  PARTICIPANT_UPDATED("participant-updated", false, PARTICIPANTS, SKIP_VOTES),
  HOST_CHANGED("host-changed", false, PARTICIPANTS, HOST_ID),
  QUEUE_UPDATED("queue-updated", true, QUEUE),
  NOW_PLAYING("now-playing", false, CURRENT, PLAYBACK, HISTORY, SKIP_VOTES, QUEUE),
  PLAYBACK_UPDATED("playback-updated", true, PLAYBACK),
  SKIP_VOTES_UPDATED("skip-votes-updated", true, SKIP_VOTES),
  SETTINGS_UPDATED("settings-updated", false, SETTINGS, SKIP_VOTES),
  SESSION_ENDED("session-ended", false),
  /** PROTOCOL §12: no snapshot field; it changes nothing, so it carries the jam's current rev. */
  REACTION("reaction", false);

  private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

  private final String wireName;
  private final boolean coalescible;
  private final List<SnapshotField> fields;

  EventType(String wireName, boolean coalescible, SnapshotField... fields) {
    this.wireName = wireName;
    this.coalescible = coalescible;
    this.fields = List.of(fields);
  }

  public String wireName() {
    return wireName;
  }

  /** Whether several of this type within a short window may be merged into the latest one. */
  public boolean coalescible() {
    return coalescible;
  }

  /** Whether the event is about one participant (its bus message names them in a header). */
  public boolean concernsParticipant() {
    return this == PARTICIPANT_JOINED || this == PARTICIPANT_LEFT || this == PARTICIPANT_UPDATED;
  }

  /** The snapshot fields an event of this type carries, each with its complete new value. */
  public List<SnapshotField> fields() {
    return fields;
  }

  /** The type of a wire name, or null for a name this server does not publish. */
  public static EventType fromWireName(String wireName) {
    return BY_WIRE_NAME.get(wireName);
  }
}
