package dev.jamsession.catalog;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the songs come from: {@code catalogFile} if set, else {@code musicDir} if set, else the
 * built-in demo library. {@code cacheDir} holds rendered demo audio and the music folder index.
 */
public record CatalogConfig(Path musicDir, Path catalogFile, Path cacheDir) {

  public static final String MUSIC_DIR = "MUSIC_DIR";
  public static final String CATALOG_FILE = "CATALOG_FILE";
  public static final String CACHE_DIR = "CACHE_DIR";
  public static final Path DEFAULT_CACHE_DIR = Path.of(".cache", "jam-session");

  public CatalogConfig {
    Objects.requireNonNull(cacheDir, "cacheDir");
    if (musicDir != null && catalogFile != null) {
      throw new IllegalArgumentException(
          MUSIC_DIR + " and " + CATALOG_FILE + " are both set: set only one of them");
    }
  }

  /** The demo library, caching its audio in {@code cacheDir}. */
  public static CatalogConfig demo(Path cacheDir) {
    return new CatalogConfig(null, null, cacheDir);
  }

  /**
   * Reads MUSIC_DIR, CATALOG_FILE and CACHE_DIR (blank counts as unset).
   *
   * @throws IllegalArgumentException naming the variable when a value is unusable
   */
  public static CatalogConfig fromEnv(Map<String, String> env) {
    Path musicDir = path(env, MUSIC_DIR);
    Path catalogFile = path(env, CATALOG_FILE);
    Path cacheDir = path(env, CACHE_DIR);
    if (musicDir != null && !Files.isDirectory(musicDir)) {
      throw new IllegalArgumentException(MUSIC_DIR + "=" + musicDir + " is not a directory");
    }
    if (musicDir != null && !Files.isReadable(musicDir)) {
      throw new IllegalArgumentException(MUSIC_DIR + "=" + musicDir + " is not readable");
    }
    if (catalogFile != null && !Files.isRegularFile(catalogFile)) {
      throw new IllegalArgumentException(CATALOG_FILE + "=" + catalogFile + " is not a file");
    }
    if (catalogFile != null && !Files.isReadable(catalogFile)) {
      throw new IllegalArgumentException(CATALOG_FILE + "=" + catalogFile + " is not readable");
    }
    if (cacheDir != null && Files.exists(cacheDir) && !Files.isDirectory(cacheDir)) {
      throw new IllegalArgumentException(CACHE_DIR + "=" + cacheDir + " is not a directory");
    }
    return new CatalogConfig(musicDir, catalogFile, cacheDir == null ? DEFAULT_CACHE_DIR : cacheDir);
  }

  private static Path path(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Path.of(value.trim());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(name + "=" + value + " is not a valid path", e);
    }
  }
}
