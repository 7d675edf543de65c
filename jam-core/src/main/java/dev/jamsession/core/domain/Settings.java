package dev.jamsession.core.domain;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A jam's settings (PROTOCOL §6, the party rules of §11, the skip cap of §9), with the ranges of
 * §8. {@code maxSongsPerPerson} and {@code maxSongDurationMs} are 0 for no limit,
 * {@code skipMaxVotes} 0 for no cap; {@code mood} is null or the id of one of {@link Moods#ALL}
 * (§13), which autofill and the recommendations prefer.
 */
public record Settings(boolean allowVoting, int maxQueueSize, boolean autoPlay, double skipThreshold,
                       int maxParticipants, boolean guestsControlPlayback, boolean listed,
                       boolean autofill, boolean guestsCanAdd, int maxSongsPerPerson,
                       long maxSongDurationMs, List<String> blockedGenres, boolean fairQueue,
                       boolean reactions, int skipMaxVotes, String mood) {

  public static final int MAX_QUEUE_SIZE_LIMIT = 200;
  public static final int MAX_PARTICIPANTS_LIMIT = 500;
  public static final int MAX_SONGS_PER_PERSON_LIMIT = 200;
  /**
   * The default cap on the skip votes needed: rooms of up to 20 (at the default threshold) need
   * what they always did, and a room of 200 needs 10 votes, not 100.
   */
  public static final int DEFAULT_SKIP_MAX_VOTES = 10;

  public Settings {
    blockedGenres = List.copyOf(blockedGenres);
  }

  public static Settings defaults(int maxQueueSize) {
    return new Settings(true, maxQueueSize, true, 0.5, 50, false, false, true, true, 0, 0,
        List.of(), false, true, DEFAULT_SKIP_MAX_VOTES, null);
  }

  /** The rules about songs themselves (duration, genre), as autofill and the recommender apply them. */
  public SongRules songRules() {
    return new SongRules(maxSongDurationMs, blockedGenres);
  }

  /**
   * These settings with the known fields of {@code patch} applied; unknown fields are ignored,
   * a field of the wrong type or out of range throws INVALID_INPUT and changes nothing.
   */
  public Settings apply(Map<String, Object> patch) {
    Map<String, Object> next = toMap();
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      if (next.containsKey(e.getKey())) {
        next.put(e.getKey(), checked(e.getKey(), e.getValue()));
      }
    }
    return fromMap(next);
  }

  /** One setting's value, checked for type and range (and normalised: ints, trimmed genres). */
  private static Object checked(String field, Object v) {
    return switch (field) {
      case "maxQueueSize" -> (int) Input.integer(v, field, 1, MAX_QUEUE_SIZE_LIMIT);
      case "maxParticipants" -> (int) Input.integer(v, field, 2, MAX_PARTICIPANTS_LIMIT);
      case "maxSongsPerPerson" -> (int) Input.integer(v, field, 0, MAX_SONGS_PER_PERSON_LIMIT);
      case "skipMaxVotes" -> (int) Input.integer(v, field, 0, MAX_PARTICIPANTS_LIMIT);
      case "maxSongDurationMs" -> SongRules.maxDuration(v);
      case "blockedGenres" -> SongRules.genres(v);
      case "mood" -> mood(v);
      case "skipThreshold" -> {
        double threshold = Input.number(v, field);
        if (threshold <= 0 || threshold > 1) {
          throw Input.invalid("skipThreshold must be more than 0 and at most 1");
        }
        yield threshold;
      }
      case "allowVoting", "autoPlay", "guestsControlPlayback", "listed", "autofill", "guestsCanAdd",
          "fairQueue", "reactions" -> Input.bool(v, field);
      default -> throw new IllegalArgumentException("no such setting: " + field);
    };
  }

  @SuppressWarnings("unchecked")
  private static Settings fromMap(Map<String, Object> m) {
    return new Settings((boolean) m.get("allowVoting"), (int) m.get("maxQueueSize"),
        (boolean) m.get("autoPlay"), (double) m.get("skipThreshold"), (int) m.get("maxParticipants"),
        (boolean) m.get("guestsControlPlayback"), (boolean) m.get("listed"), (boolean) m.get("autofill"),
        (boolean) m.get("guestsCanAdd"), (int) m.get("maxSongsPerPerson"),
        (long) m.get("maxSongDurationMs"), (List<String>) m.get("blockedGenres"),
        (boolean) m.get("fairQueue"), (boolean) m.get("reactions"), (int) m.get("skipMaxVotes"),
        (String) m.get("mood"));
  }

  /**
   * A mood as a setting or a request names it (§13): null for none, else a mood's id; anything
   * else, an unknown id included, is INVALID_INPUT.
   */
  public static String mood(Object v) {
    if (v == null || v instanceof String id && Moods.byId(id).isPresent()) {
      return (String) v;
    }
    throw Input.invalid("mood must be null or one of "
        + String.join(", ", Moods.ALL.stream().map(Mood::id).toList()));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("allowVoting", allowVoting);
    m.put("maxQueueSize", maxQueueSize);
    m.put("autoPlay", autoPlay);
    m.put("skipThreshold", skipThreshold);
    m.put("maxParticipants", maxParticipants);
    m.put("guestsControlPlayback", guestsControlPlayback);
    m.put("listed", listed);
    m.put("autofill", autofill);
    m.put("guestsCanAdd", guestsCanAdd);
    m.put("maxSongsPerPerson", maxSongsPerPerson);
    m.put("maxSongDurationMs", maxSongDurationMs);
    m.put("blockedGenres", blockedGenres);
    m.put("fairQueue", fairQueue);
    m.put("reactions", reactions);
    m.put("skipMaxVotes", skipMaxVotes);
    m.put("mood", mood);
    return m;
  }
}
