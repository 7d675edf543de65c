package dev.jamsession.playlists;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;

/** What differs between the two databases: placeholders, transactions, their migrations' folder. */
enum Dialect {
  SQLITE("sqlite"),
  POSTGRES("postgres");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The classpath resource of migration {@code version}. */
  String migration(int version) {
    return "db/" + folder + "/V" + version + ".sql";
  }

  /** SQL written with {@code ?} placeholders, as this database's client takes them. */
  String sql(String query) {
    if (this == SQLITE) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length() + 8);
    int n = 0;
    for (char c : query.toCharArray()) {
      if (c == '?') {
        out.append('$').append(++n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Runs {@code work} in one transaction. SQLite's is begun and ended in SQL: vertx-jdbc-client
   * 5.0.7 leaves a connection with auto-commit off after its own transactions end, so later
   * statements on it would never be committed. IMMEDIATE takes the write lock up front, so two
   * writers wait for each other (busy timeout) instead of failing on a lock upgrade.
   */
  <T> Future<T> transaction(Pool pool, Function<SqlConnection, Future<T>> work) {
    if (this == POSTGRES) {
      return pool.withTransaction(work);
    }
    return pool.withConnection(conn -> conn.query("BEGIN IMMEDIATE").execute()
        .compose(v -> work.apply(conn))
        .compose(
            result -> conn.query("COMMIT").execute().map(result),
            failure -> conn.query("ROLLBACK").execute().transform(x -> Future.<T>failedFuture(failure))));
  }
}
