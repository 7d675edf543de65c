package dev.jamsession.catalog;

/**
 * A catalog search: {@code q} matches title, artist, album and genre ignoring case and accents;
 * {@code genre} and {@code artist} are exact, case-insensitive filters. Null means "any".
 */
public record SearchQuery(String q, String genre, String artist, int limit, int offset) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
}
