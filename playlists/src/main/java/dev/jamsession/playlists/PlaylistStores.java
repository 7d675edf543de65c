package dev.jamsession.playlists;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the configured store and migrates its schema. A database that cannot be used (a corrupt
 * or foreign file, an unreachable server, a newer schema) fails the future with a message that
 * names DATA_DIR or DATABASE_URL, which stops start-up.
 */
public final class PlaylistStores {
  private static final Logger LOG = LoggerFactory.getLogger(PlaylistStores.class);
  /** SQLite waits this long for another connection's write instead of failing at once. */
  private static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;

  private PlaylistStores() {}

  public static Future<PlaylistStore> open(Vertx vertx, PlaylistConfig config) {
    return config.postgres() != null ? postgres(vertx, config.postgres()) : sqlite(vertx, config);
  }

  private static Future<PlaylistStore> postgres(Vertx vertx, PgConnectOptions options) {
    Pool pool = PgBuilder.pool()
        // A database that is down fails a request within seconds, not after the default 30.
        .with(new PoolOptions().setMaxSize(8).setConnectionTimeout(5).setConnectionTimeoutUnit(TimeUnit.SECONDS))
        .connectingTo(options)
        .using(vertx)
        .build();
    String where = options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    return migrate(pool, Dialect.POSTGRES, "DATABASE_URL: the PostgreSQL database " + where, where);
  }

  private static Future<PlaylistStore> sqlite(Vertx vertx, PlaylistConfig config) {
    String file = config.databaseFile().toAbsolutePath().toString();
    return vertx.fileSystem().mkdirs(config.dataDir().toString())
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "DATA_DIR: cannot create " + config.dataDir() + ": " + e.getMessage(), e)))
        .compose(v -> {
          SQLiteConfig sqlite = new SQLiteConfig();
          // A rollback journal keeps the database one file; FULL sync survives a crash or power loss.
          sqlite.setJournalMode(SQLiteConfig.JournalMode.DELETE);
          sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
          sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
          SQLiteDataSource source = new SQLiteDataSource(sqlite);
          source.setUrl("jdbc:sqlite:" + file);
          Pool pool = JDBCPool.pool(vertx, source, new PoolOptions().setMaxSize(4));
          return migrate(pool, Dialect.SQLITE, "DATA_DIR: " + file, file);
        });
  }

  private static Future<PlaylistStore> migrate(Pool pool, Dialect dialect, String what, String where) {
    return Migrations.run(pool, dialect)
        .<PlaylistStore>map(version -> {
          LOG.info("Playlists in {} ({}, schema version {})", where, dialect.name().toLowerCase(), version);
          return new SqlPlaylistStore(pool, dialect);
        })
        .recover(e -> pool.close().transform(x -> Future.failedFuture(new IllegalStateException(
            what + " cannot hold the playlists: " + e.getMessage(), e))));
  }
}
