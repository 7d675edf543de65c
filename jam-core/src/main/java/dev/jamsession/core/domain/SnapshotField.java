package dev.jamsession.core.domain;

/** The top-level fields of a snapshot (PROTOCOL §6) that events carry with their new value. */
public enum SnapshotField {
  HOST_ID("hostId"),
  PARTICIPANTS("participants"),
  QUEUE("queue"),
  CURRENT("current"),
  PLAYBACK("playback"),
  SETTINGS("settings"),
  HISTORY("history"),
  SKIP_VOTES("skipVotes");

  private final String wireName;

  SnapshotField(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
