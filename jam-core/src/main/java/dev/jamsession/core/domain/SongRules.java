package dev.jamsession.core.domain;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a jam's rules refuse of a song itself, whoever adds it (PROTOCOL §11): longer than
 * {@code maxDurationMs} (0: no limit), or of a genre in {@code blockedGenres} (the whole genre,
 * ignoring case). Shared by the engine, autofill and the recommender, so a song the rules refuse
 * is never added nor offered.
 */
public record SongRules(long maxDurationMs, List<String> blockedGenres) {
  public static final SongRules NONE = new SongRules(0, List.of());
  public static final long MIN_DURATION_LIMIT_MS = 30_000;
  public static final long MAX_DURATION_LIMIT_MS = 3_600_000;
  public static final int MAX_BLOCKED_GENRES = 20;
  public static final int MAX_GENRE_LENGTH = 40;

  public SongRules {
    blockedGenres = List.copyOf(blockedGenres);
  }

  /** Whether these rules refuse nothing. */
  public boolean isNone() {
    return maxDurationMs == 0 && blockedGenres.isEmpty();
  }

  public boolean tooLong(long durationMs) {
    return maxDurationMs > 0 && durationMs > maxDurationMs;
  }

  public boolean blocksGenre(String genre) {
    return genre != null && blockedGenres.stream().anyMatch(genre::equalsIgnoreCase);
  }

  public boolean allows(Song song) {
    return !tooLong(song.durationMs()) && !blocksGenre(song.genre());
  }

  /** Throws NOT_ALLOWED, with a sentence for a toast, when the rules refuse {@code song}. */
  void requireAllowed(Song song) {
    if (tooLong(song.durationMs())) {
      throw new JamException(ErrorCode.NOT_ALLOWED, "Longer than the " + limitText() + " limit");
    }
    if (blocksGenre(song.genre())) {
      throw new JamException(ErrorCode.NOT_ALLOWED, capitalised(song.genre()) + " is blocked in this jam");
    }
  }

  /** "6-minute", or "2:30" when the limit is not whole minutes. */
  private String limitText() {
    long seconds = maxDurationMs / 1000;
    return seconds % 60 == 0 ? seconds / 60 + "-minute"
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  private static String capitalised(String s) {
    int first = s.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(s, Character.charCount(first), s.length()).toString();
  }

  /** A maxSongDurationMs setting: 0, or a whole number of ms from 30 s to an hour. */
  public static long maxDuration(Object v) {
    long ms = Input.integer(v, "maxSongDurationMs", 0, MAX_DURATION_LIMIT_MS);
    if (ms != 0 && ms < MIN_DURATION_LIMIT_MS) {
      throw Input.invalid("maxSongDurationMs must be 0 (no limit) or from "
          + MIN_DURATION_LIMIT_MS + " to " + MAX_DURATION_LIMIT_MS);
    }
    return ms;
  }

  /**
   * A blockedGenres setting: a list of at most 20 genres, each trimmed to 1..40 characters under
   * the name rules of §8 (nothing invisible); repeats, ignoring case, are kept once.
   */
  public static List<String> genres(Object v) {
    if (!(v instanceof List<?> list) || list.size() > MAX_BLOCKED_GENRES) {
      throw Input.invalid("blockedGenres must be a list of at most " + MAX_BLOCKED_GENRES + " genres");
    }
    List<String> out = new ArrayList<>();
    for (Object raw : list) {
      String genre;
      try {
        genre = Input.name(raw, "blockedGenres", MAX_GENRE_LENGTH);
      } catch (JamException e) {
        throw Input.invalid("Each blocked genre must be a text of 1 to " + MAX_GENRE_LENGTH
            + " visible characters");
      }
      if (out.stream().noneMatch(genre::equalsIgnoreCase)) {
        out.add(genre);
      }
    }
    return out;
  }
}
