package dev.jamsession.core.domain;


/** The shared position: it was {@code positionMs} at server time {@code updatedAt}. */
public record Playback(boolean isPlaying, long positionMs, long updatedAt) {

  public static Playback stopped(long now) {
    return new Playback(false, 0, now);
  }

  public long positionAt(long now) {
    return isPlaying ? positionMs + Math.max(0, now - updatedAt) : positionMs;
  }
}
