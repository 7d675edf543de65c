package dev.jamsession.playlists;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Versioned schema migrations: {@code db/<database>/V1.sql}, {@code V2.sql}, ... applied in
 * order, each recorded in {@code schema_version}, all in one transaction through the same
 * Vert.x client the store uses (so PostgreSQL needs no second, JDBC, driver). Concurrent
 * starters on PostgreSQL take turns on an advisory lock. A file database that holds tables
 * but no {@code schema_version} is someone else's and is refused, as is a schema newer than
 * this server knows.
 */
final class Migrations {
  /** Any fixed number: the advisory lock that serialises gateways migrating one database. */
  private static final long LOCK = 0x4a616d504cL;

  private Migrations() {}

  /** Brings the schema up to date; the version it is at afterwards. */
  static Future<Integer> run(Pool pool, Dialect dialect) {
    List<List<String>> known = load(dialect);
    return dialect.transaction(pool, conn -> lock(conn, dialect)
        .compose(v -> refuseForeign(conn, dialect))
        .compose(v -> conn.query("CREATE TABLE IF NOT EXISTS schema_version "
            + "(version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)").execute())
        .compose(v -> conn.query("SELECT COALESCE(MAX(version), 0) FROM schema_version").execute())
        .compose(rows -> {
          int current = ((Number) rows.iterator().next().getValue(0)).intValue();
          if (current > known.size()) {
            return Future.failedFuture(new IllegalStateException("its schema is version " + current
                + ", newer than this server's " + known.size()));
          }
          Future<Void> chain = Future.succeededFuture();
          for (int version = current + 1; version <= known.size(); version++) {
            int v = version;
            chain = chain.compose(x -> apply(conn, dialect, v, known.get(v - 1)));
          }
          return chain.map(x -> known.size());
        }));
  }

  private static Future<Void> lock(SqlConnection conn, Dialect dialect) {
    return dialect == Dialect.POSTGRES
        ? conn.query("SELECT pg_advisory_xact_lock(" + LOCK + ")").execute().mapEmpty()
        : Future.succeededFuture();
  }

  private static Future<Void> refuseForeign(SqlConnection conn, Dialect dialect) {
    if (dialect != Dialect.SQLITE) {
      return Future.succeededFuture(); // a PostgreSQL database may well be shared with others
    }
    return conn.query("SELECT name FROM sqlite_master WHERE type = 'table'").execute().compose(rows -> {
      List<String> tables = new ArrayList<>();
      rows.forEach(r -> tables.add(r.getString(0)));
      return tables.isEmpty() || tables.contains("schema_version") ? Future.succeededFuture()
          : Future.failedFuture(new IllegalStateException(
              "it holds tables " + tables + " but is not a Jam Session database"));
    });
  }

  private static Future<Void> apply(SqlConnection conn, Dialect dialect, int version, List<String> statements) {
    Future<Void> chain = Future.succeededFuture();
    for (String statement : statements) {
      chain = chain.compose(v -> conn.query(statement).execute().mapEmpty());
    }
    return chain.compose(v -> conn.preparedQuery(dialect.sql("INSERT INTO schema_version VALUES (?, ?)"))
        .execute(Tuple.of(version, System.currentTimeMillis())).mapEmpty());
  }

  /** The statements of each migration, V1 first; the first missing number ends the list. */
  private static List<List<String>> load(Dialect dialect) {
    List<List<String>> migrations = new ArrayList<>();
    for (int version = 1; ; version++) {
      try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(dialect.migration(version))) {
        if (in == null) {
          return migrations;
        }
        migrations.add(statements(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Our own files, one statement per ';' at a line's end, so a plain split suffices: the JDBC
   * driver runs one statement per call.
   */
  static List<String> statements(String file) {
    String withoutComments = Arrays.stream(file.split("\n"))
        .filter(line -> !line.strip().startsWith("--"))
        .reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(withoutComments.split(";\\s*\n"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
