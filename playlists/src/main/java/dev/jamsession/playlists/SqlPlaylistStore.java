package dev.jamsession.playlists;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/**
 * The store on a Vert.x SQL pool: the JDBC pool over SQLite, or the PostgreSQL pool. The song
 * ids are one JSON column of the playlist's row, so every write replaces the list in a single
 * row and two concurrent PUTs can only leave one of them whole, on either database.
 */
record SqlPlaylistStore(Pool pool, Dialect dialect) implements PlaylistStore {
  private static final String COLUMNS = "id, name, song_ids, created_at, updated_at, token_hash";

  @Override
  public Future<Void> insert(Playlist p, String tokenHash) {
    return pool.preparedQuery(dialect.sql("INSERT INTO playlists (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"))
        .execute(Tuple.of(p.id(), p.name(), encode(p.songIds()), p.createdAt(), p.updatedAt(), tokenHash))
        .mapEmpty();
  }

  @Override
  public Future<Optional<StoredPlaylist>> find(String id) {
    return select(pool, id);
  }

  @Override
  public Future<Optional<Playlist>> update(String id, String name, List<String> songIds, long updatedAt) {
    Tuple args = Tuple.tuple()
        .addValue(name)
        .addValue(songIds == null ? null : encode(songIds))
        .addValue(updatedAt)
        .addValue(id);
    // In one transaction, so the playlist answered is the one this change left.
    return dialect.transaction(pool, conn -> conn
        .preparedQuery(dialect.sql("UPDATE playlists SET name = COALESCE(?, name), "
            + "song_ids = COALESCE(?, song_ids), updated_at = ? WHERE id = ?"))
        .execute(args)
        .compose(updated -> select(conn, id))
        .map(found -> found.map(StoredPlaylist::playlist)));
  }

  @Override
  public Future<Boolean> delete(String id) {
    return pool.preparedQuery(dialect.sql("DELETE FROM playlists WHERE id = ?"))
        .execute(Tuple.of(id))
        .map(rows -> rows.rowCount() > 0);
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }

  private Future<Optional<StoredPlaylist>> select(SqlClient client, String id) {
    return client.preparedQuery(dialect.sql("SELECT " + COLUMNS + " FROM playlists WHERE id = ?"))
        .execute(Tuple.of(id))
        .map(SqlPlaylistStore::first);
  }

  private static Optional<StoredPlaylist> first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    List<String> songIds = new JsonArray(r.getString(2)).stream().map(String.class::cast).toList();
    Playlist p = new Playlist(r.getString(0), r.getString(1), songIds,
        ((Number) r.getValue(3)).longValue(), ((Number) r.getValue(4)).longValue());
    return Optional.of(new StoredPlaylist(p, r.getString(5)));
  }

  private static String encode(List<String> songIds) {
    return new JsonArray(songIds).encode();
  }
}
