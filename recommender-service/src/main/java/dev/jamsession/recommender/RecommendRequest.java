package dev.jamsession.recommender;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.domain.Input;
import dev.jamsession.core.domain.Settings;
import dev.jamsession.core.domain.SongRules;
import dev.jamsession.recommender.engine.Recommender;
import dev.jamsession.recommender.engine.RoomSignals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToIntFunction;

/**
 * The body of a {@code recommender.recommend} request (see README), checked field by field: any
 * missing field, wrong type or oversized list is INVALID_INPUT, so a bad caller gets an answer
 * and no scoring time. Lists are capped well above a real jam's and signals in total too, which
 * bounds the work one request can cause.
 */
record RecommendRequest(String strategy, RoomSignals signals) {
  static final int MAX_PARTICIPANTS = 1_000;
  static final int MAX_SONGS = 5_000;
  static final int MAX_SIGNALS = 100_000;
  static final int MAX_LIMIT = 50;
  static final int DEFAULT_LIMIT = 10;
  private static final int MAX_ID_LENGTH = 200;
  private static final String SKIPPED_BY_INVALID = "skippedBy must be a list of participant ids";

  static RecommendRequest parse(Object body) {
    if (!(body instanceof JsonObject json)) {
      throw Input.invalid("The request must be a JSON object");
    }
    return new Parser().parse(json);
  }

  /** Parses one request; counts the signals it has read against the cap. */
  private static final class Parser {
    private int signals;

    RecommendRequest parse(JsonObject json) {
      Object strategy = json.getValue("strategy", Recommender.DEFAULT_STRATEGY);
      if (!(strategy instanceof String)) {
        throw Input.invalid("strategy must be a string");
      }
      List<RoomSignals.Member> participants = new ArrayList<>();
      for (JsonObject p : objects(json, "participants", MAX_PARTICIPANTS)) {
        participants.add(new RoomSignals.Member(id(p, "id"), name(p), Input.bool(p.getValue(
            "present"), "participants[].present")));
      }
      List<RoomSignals.QueuedSong> queue = new ArrayList<>();
      for (JsonObject q : objects(json, "queue", MAX_SONGS)) {
        queue.add(new RoomSignals.QueuedSong(id(q, "songId"), optionalId(q, "addedById"),
            votes(q)));
      }
      List<RoomSignals.PlayedSong> history = new ArrayList<>();
      for (JsonObject h : objects(json, "history", MAX_SONGS)) {
        history.add(new RoomSignals.PlayedSong(id(h, "songId"), optionalId(h, "addedById"),
            votes(h), skippedBy(h)));
      }
      int limit = json.getValue("limit") == null ? DEFAULT_LIMIT
          : (int) Input.integer(json.getValue("limit"), "limit", 1, MAX_LIMIT);
      long seed = json.getValue("seed") == null ? ThreadLocalRandom.current().nextLong()
          : Input.integer(json.getValue("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
      return new RecommendRequest((String) strategy, new RoomSignals(participants, queue, history,
          optionalId(json, "currentSongId"), limit, seed, rules(json.getValue("rules")),
          mood(json.getValue("mood"))));
    }

    /** A mood id checked as the jam's setting is (§13), or null: none. */
    private static Mood mood(Object v) {
      String id = Settings.mood(v);
      return id == null ? null : Moods.byId(id).orElseThrow();
    }

    /** {maxSongDurationMs?, blockedGenres?}, checked as the jam's settings are; absent: none. */
    private static SongRules rules(Object v) {
      if (v == null) {
        return SongRules.NONE;
      }
      if (!(v instanceof JsonObject rules)) {
        throw Input.invalid("rules must be an object");
      }
      Object duration = rules.getValue("maxSongDurationMs");
      Object genres = rules.getValue("blockedGenres");
      return new SongRules(duration == null ? 0 : SongRules.maxDuration(duration),
          genres == null ? List.of() : SongRules.genres(genres instanceof JsonArray a ? a.getList() : genres));
    }

    private List<JsonObject> objects(JsonObject json, String field, int max) {
      Object v = json.getValue(field);
      if (!(v instanceof JsonArray array)) {
        throw Input.invalid(field + " must be a list");
      }
      if (array.size() > max) {
        throw Input.invalid(field + " may hold at most " + max + " entries");
      }
      List<JsonObject> out = new ArrayList<>(array.size());
      for (Object o : array) {
        if (!(o instanceof JsonObject entry)) {
          throw Input.invalid(field + " must hold objects");
        }
        out.add(entry);
      }
      return out;
    }

    private Map<String, Integer> votes(JsonObject item) {
      JsonObject votes = signalsOf(item, "votes", JsonObject.class, JsonObject::size,
          "votes must map participant ids to 1 or -1");
      if (votes == null) {
        return Map.of();
      }
      Map<String, Integer> out = new HashMap<>();
      for (Map.Entry<String, Object> e : votes) {
        out.put(e.getKey(), (int) Input.integer(e.getValue(), "a vote", -1, 1));
      }
      return out;
    }

    private Set<String> skippedBy(JsonObject item) {
      JsonArray ids = signalsOf(item, "skippedBy", JsonArray.class, JsonArray::size, SKIPPED_BY_INVALID);
      if (ids == null) {
        return Set.of();
      }
      Set<String> out = new HashSet<>();
      for (Object id : ids) {
        if (!(id instanceof String s)) {
          throw Input.invalid(SKIPPED_BY_INVALID);
        }
        out.add(s);
      }
      return out;
    }

    /** An item's votes or skips, null when it has none; their number counts against the cap. */
    private <T> T signalsOf(JsonObject item, String field, Class<T> type, ToIntFunction<T> size,
                            String mustBe) {
      Object v = item.getValue(field);
      if (v == null) {
        return null;
      }
      if (!type.isInstance(v)) {
        throw Input.invalid(mustBe);
      }
      T value = type.cast(v);
      count(size.applyAsInt(value));
      return value;
    }

    private void count(int n) {
      signals += n;
      if (signals > MAX_SIGNALS) {
        throw Input.invalid("A request may carry at most " + MAX_SIGNALS + " votes and skips");
      }
    }

    private static String id(JsonObject json, String field) {
      String id = optionalId(json, field);
      if (id == null) {
        throw Input.invalid(field + " is required");
      }
      return id;
    }

    private static String optionalId(JsonObject json, String field) {
      Object v = json.getValue(field);
      if (v == null) {
        return null;
      }
      if (!(v instanceof String s) || s.isEmpty() || s.length() > MAX_ID_LENGTH) {
        throw Input.invalid(field + " must be a non-empty string");
      }
      return s;
    }

    private static String name(JsonObject participant) {
      Object v = participant.getValue("name");
      if (!(v instanceof String s) || s.length() > MAX_ID_LENGTH) {
        throw Input.invalid("participants[].name must be a string");
      }
      return s;
    }
  }
}
