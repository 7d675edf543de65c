package dev.jamsession.catalog.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** One entry of a catalog file, checked field by field; unknown fields are ignored. */
final class SongEntry {

  /** Ids travel in URL paths and bus messages: keep them plain. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~:-]{1,64}");
  private static final int MAX_TEXT = 300;
  private static final long MAX_DURATION_MS = 24L * 3600 * 1000;

  private final int index;
  private final JsonNode node;
  private final List<String> problems = new ArrayList<>();
  private String artUrl;

  SongEntry(int index, JsonNode node) {
    this.index = index;
    this.node = node;
  }

  List<String> problems() {
    return problems;
  }

  /** The entry's own cover picture (optional {@code artUrl}), read by {@link #toSong()}. */
  String artUrl() {
    return artUrl;
  }

  /** Where this entry is, for messages: its position and, when readable, its id. */
  String where() {
    JsonNode id = node == null ? null : node.get("id");
    return "songs[" + index + "]" + (id != null && id.isTextual() ? " (id \"" + id.asText() + "\")" : "");
  }

  /** The song, or null with {@link #problems()} saying why. */
  Song toSong() {
    if (node == null || !node.isObject()) {
      problems.add(where() + ": must be a JSON object");
      return null;
    }
    String id = text("id", true);
    if (id != null && !ID.matcher(id).matches()) {
      problem("id", "must be 1-64 characters of A-Z a-z 0-9 . _ ~ : -");
    }
    String title = text("title", true);
    String artist = text("artist", true);
    String album = text("album", false);
    String genre = text("genre", false);
    long year = integer("year", false, 0, 3000, 0);
    long durationMs = integer("durationMs", true, 1, MAX_DURATION_MS, 0);
    String audioUrl = url("audioUrl", true);
    artUrl = url("artUrl", false);
    double popularity = number(node, "popularity", "popularity", false, 0, 1, 0.5);
    AudioFeatures features = features();
    if (!problems.isEmpty()) {
      return null;
    }
    return new Song(id, title, artist, album == null ? "" : album, genre == null ? "" : genre,
        (int) year, durationMs, audioUrl, features, popularity);
  }

  private String text(String field, boolean required) {
    JsonNode v = checked(node, field, field, required, JsonNode::isTextual, "must be a string");
    if (v == null) {
      return null;
    }
    String s = v.asText().strip();
    if (required && s.isEmpty()) {
      problem(field, "must not be blank");
      return null;
    }
    if (s.length() > MAX_TEXT) {
      problem(field, "is longer than " + MAX_TEXT + " characters");
      return null;
    }
    return s;
  }

  private long integer(String field, boolean required, long min, long max, long fallback) {
    JsonNode v = checked(node, field, field, required, n -> n.canConvertToExactIntegral() && n.isNumber(),
        "must be a whole number");
    if (v == null) {
      return fallback;
    }
    long value = v.asLong();
    if (value < min || value > max) {
      problem(field, "must be between " + min + " and " + max + ", not " + value);
      return fallback;
    }
    return value;
  }

  private double number(JsonNode parent, String field, String label, boolean required, double min,
                        double max, double fallback) {
    JsonNode v = checked(parent, field, label, required, JsonNode::isNumber, "must be a number");
    if (v == null) {
      return fallback;
    }
    double value = v.asDouble();
    if (!(value >= min && value <= max)) {
      problem(label, "must be between " + min + " and " + max + ", not " + value);
      return fallback;
    }
    return value;
  }

  /**
   * The field's value if it is there and of the kind asked for; else null, with a problem when it
   * is of another kind or, being required, missing (null counts as missing).
   */
  private JsonNode checked(JsonNode parent, String field, String label, boolean required,
                           Predicate<JsonNode> kind, String mustBe) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problem(label, "is missing");
      }
      return null;
    }
    if (!kind.test(v)) {
      problem(label, mustBe);
      return null;
    }
    return v;
  }

  /** An absolute http(s) URL or a path on this server; nothing a browser would execute. */
  private String url(String field, boolean required) {
    String url = text(field, required);
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      boolean web = ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null;
      boolean local = scheme == null && url.startsWith("/") && !url.startsWith("//");
      if (!web && !local) {
        problem(field, "must be an http(s) URL or a path starting with /");
      }
    } catch (URISyntaxException e) {
      problem(field, "is not a valid URL: " + e.getReason());
    }
    return url;
  }

  private AudioFeatures features() {
    JsonNode f = checked(node, "features", "features", false, JsonNode::isObject,
        "must be an object {tempo, energy, valence, danceability, acousticness}");
    if (f == null) {
      return null;
    }
    return new AudioFeatures(
        number(f, "tempo", "features.tempo", true, 1, 400, 0),
        number(f, "energy", "features.energy", true, 0, 1, 0),
        number(f, "valence", "features.valence", true, 0, 1, 0),
        number(f, "danceability", "features.danceability", true, 0, 1, 0),
        number(f, "acousticness", "features.acousticness", true, 0, 1, 0));
  }

  private void problem(String field, String what) {
    problems.add(where() + ": field \"" + field + "\" " + what);
  }
}
