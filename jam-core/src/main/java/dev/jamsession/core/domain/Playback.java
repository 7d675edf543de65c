package dev.jamsession.core.domain;


/** The shared position: it was {@code positionMs} at server time {@code updatedAt}. */
public record Playback(boolean isPlaying, long positionMs, long updatedAt) {

  /**
   * How far ahead a start, resume or seek is scheduled (PROTOCOL §6 allows up to 3 s): long
   * enough for the event to reach every player and for each to seek and buffer, so all of
   * them start at one server instant instead of catching up at different speeds.
   */
  public static final long START_LEAD_MS = 400;

  /** Playing from {@code positionMs}, starting {@link #START_LEAD_MS} after {@code now}. */
  public static Playback scheduled(long positionMs, long now) {
    return new Playback(true, positionMs, now + START_LEAD_MS);
  }

  public static Playback stopped(long now) {
    return new Playback(false, 0, now);
  }

  public long positionAt(long now) {
    return isPlaying ? positionMs + Math.max(0, now - updatedAt) : positionMs;
  }
}
