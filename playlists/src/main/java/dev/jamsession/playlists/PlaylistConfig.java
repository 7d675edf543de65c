package dev.jamsession.playlists;

import dev.jamsession.runtime.JamConfig;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where playlists are kept: PostgreSQL when DATABASE_URL is set (the distributed deployment),
 * else one SQLite file under DATA_DIR (default {@code .data/jam-session}, created on first use).
 * A bad value stops start-up with a message naming the variable, and never echoes a password.
 */
public record PlaylistConfig(Path dataDir, PgConnectOptions postgres) {
  public static final String DEFAULT_DATA_DIR = ".data/jam-session";
  static final String FILE_NAME = "playlists.db";

  public static PlaylistConfig fromEnv(Map<String, String> env) {
    JamConfig.Vars v = new JamConfig.Vars(env);
    String dir = v.string("DATA_DIR", DEFAULT_DATA_DIR);
    Path dataDir;
    try {
      dataDir = Path.of(dir);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("DATA_DIR must be a directory path, got '" + dir + "'");
    }
    String url = v.string("DATABASE_URL", null);
    return new PlaylistConfig(dataDir, url == null ? null : postgres(url));
  }

  /** The SQLite file used when there is no DATABASE_URL. */
  public Path databaseFile() {
    return dataDir.resolve(FILE_NAME);
  }

  private static PgConnectOptions postgres(String url) {
    IllegalArgumentException bad = new IllegalArgumentException(
        "DATABASE_URL must be a URL like postgresql://user:password@host:5432/database");
    if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
      throw bad;
    }
    try {
      return PgConnectOptions.fromUri(url);
    } catch (RuntimeException e) {
      throw bad;
    }
  }
}
