package dev.jamsession.core.domain;

import java.util.Map;

/**
 * When the server adds the recommender's pick itself (PROTOCOL §9 settings.autofill), and how
 * that item shows its adder.
 */
public final class AutofillRule {
  /** The name and id an autofilled item shows as its adder. */
  public static final String RECOMMENDER_NAME = "Recommender";
  public static final String RECOMMENDER_ID = "recommender";

  /** How close to the end of the last song autofill picks the next one. */
  public static final long LEAD_MS = 20_000;

  private AutofillRule() {}

  /**
   * Whether the music is about to stop for want of songs: autoplay and autofill on, someone
   * listening, nothing queued, and the last song within {@link #LEAD_MS} of its end (or
   * already over). Until then the room has time to pick its own next song.
   */
  public static boolean needsAutofill(Jam jam, long now) {
    Settings settings = jam.settings();
    if (!settings.autoPlay() || !settings.autofill() || !jam.queue().isEmpty() || jam.connectedCount() == 0) {
      return false;
    }
    if (jam.current() == null) {
      return !jam.history().isEmpty();
    }
    long remaining = jam.current().song().durationMs() - jam.playback().positionAt(now);
    return jam.playback().isPlaying() && remaining <= LEAD_MS;
  }

  /**
   * Adds the pick if the jam still needs it, the song is neither playing nor played and the
   * jam's rules allow it (§11). The item counts for no participant: round 0, nobody's limit.
   */
  static Reply apply(Draft d, Command.Autofill c) {
    String songId = c.song().id();
    boolean known = (d.current != null && d.current.song().id().equals(songId))
        || d.history.stream().anyMatch(h -> h.song().id().equals(songId));
    if (needsAutofill(d.snapshotJam(d.base.rev()), d.now) && !known && d.settings.songRules().allows(c.song())) {
      d.queue.add(new QueueItem(d.ids.id("q-"), c.song(), RECOMMENDER_ID, RECOMMENDER_NAME, d.now,
          d.nextSeq++, Map.of(), 0));
      d.event(EventType.QUEUE_UPDATED);
    }
    return Reply.EMPTY;
  }
}
