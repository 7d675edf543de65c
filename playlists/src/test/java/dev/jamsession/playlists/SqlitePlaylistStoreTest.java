package dev.jamsession.playlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The embedded default: one SQLite file under DATA_DIR. */
class SqlitePlaylistStoreTest extends PlaylistStoreContract {
  @TempDir
  Path temp;

  @Override
  Map<String, String> env() {
    return Map.of("DATA_DIR", temp.resolve("nested/data").toString());
  }

  @Test
  void createsItsDirectoryAndOneFile() throws Exception {
    assertThat(temp.resolve("nested/data/playlists.db")).isRegularFile();
    try (var files = Files.list(temp.resolve("nested/data"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("playlists.db");
    }
  }

  @Test
  void refusesAFileThatIsNoDatabase() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("corrupt"));
    Files.writeString(dir.resolve("playlists.db"), "this is not a database, just some text ".repeat(100));
    assertThatThrownBy(() -> open(dir)).hasMessageContaining("DATA_DIR").hasMessageContaining("playlists.db");
  }

  @Test
  void refusesSomeoneElsesDatabase() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("foreign"));
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + dir.resolve("playlists.db"));
    var pool = JDBCPool.pool(vertx, source, new PoolOptions().setMaxSize(1));
    await(pool.query("CREATE TABLE invoices (id INTEGER)").execute());
    await(pool.close());
    assertThatThrownBy(() -> open(dir)).hasMessageContaining("DATA_DIR").hasMessageContaining("not a Jam Session database");
  }

  @Test
  void refusesASchemaNewerThanItKnows() throws Exception {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + temp.resolve("nested/data/playlists.db"));
    var pool = JDBCPool.pool(vertx, source, new PoolOptions().setMaxSize(1));
    await(pool.query("INSERT INTO schema_version VALUES (99, 0)").execute());
    await(pool.close());
    assertThatThrownBy(this::reopen).hasMessageContaining("DATA_DIR").hasMessageContaining("newer");
  }

  private void open(Path dir) throws Exception {
    PlaylistStores.open(vertx, PlaylistConfig.fromEnv(Map.of("DATA_DIR", dir.toString())))
        .await(30, TimeUnit.SECONDS);
  }
}
