package dev.jamsession.playlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.testkit.FreePort;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The distributed deployment's database: a real PostgreSQL on loopback, one schema per test. */
class PostgresPlaylistStoreTest extends PlaylistStoreContract {
  static LocalPostgres postgres;
  private static int databases;
  private String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = LocalPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  Map<String, String> env() throws Exception {
    if (url == null) {
      url = freshDatabase();
    }
    return Map.of("DATABASE_URL", url);
  }

  private String freshDatabase() throws Exception {
    String name = "jam_test_" + (++databases);
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(postgres.url())).using(vertx).build();
    await(pool.query("CREATE DATABASE " + name).execute());
    await(pool.close());
    return postgres.url().replace("/postgres", "/" + name);
  }

  @Test
  void anUnreachableServerStopsStartUpNamingDatabaseUrl() throws Exception {
    String dead = "postgresql://jam:secret-password@127.0.0.1:" + FreePort.loopback() + "/none";
    assertThatThrownBy(() -> PlaylistStores.open(vertx, PlaylistConfig.fromEnv(Map.of("DATABASE_URL", dead)))
        .await(30, TimeUnit.SECONDS))
        .hasMessageContaining("DATABASE_URL")
        .hasMessageNotContaining("secret-password");
  }

  @Test
  void concurrentStartersMigrateOnce() throws Exception {
    var config = PlaylistConfig.fromEnv(Map.of("DATABASE_URL", freshDatabase()));
    var a = PlaylistStores.open(vertx, config);
    var b = PlaylistStores.open(vertx, config);
    await(await(a).insert(playlist("p1", "A", List.of("x")), "h"));
    assertThat(await(await(b).find("p1"))).isPresent();
  }
}
