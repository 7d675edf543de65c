package dev.jamsession.playlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The §13 rules that need a catalog that changes or a database that goes away. */
class PlaylistServiceTest {
  private final Vertx vertx = Vertx.vertx();
  /** A catalog whose songs can vanish, as when MUSIC_DIR changes between two starts. */
  private final Map<String, Song> catalog = new ConcurrentHashMap<>();

  @TempDir
  Path temp;

  @AfterEach
  void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  static Song song(String id) {
    return new Song(id, "T " + id, "A", "Al", "G", 2000, 1000, "/api/songs/" + id + "/audio", null, 0.5);
  }

  private PlaylistService service(Map<String, String> env) throws Exception {
    PlaylistStore store = PlaylistStores.open(vertx, PlaylistConfig.fromEnv(env)).await(30, TimeUnit.SECONDS);
    return new PlaylistService(store, id -> Optional.ofNullable(catalog.get(id)), System::currentTimeMillis);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.await(30, TimeUnit.SECONDS);
  }

  @Test
  void songsGoneFromTheCatalogAreLeftOutAndCounted() throws Exception {
    for (String id : new String[] {"a", "b", "c"}) {
      catalog.put(id, song(id));
    }
    PlaylistService service = service(Map.of("DATA_DIR", temp.toString()));
    var created = await(service.create(new JsonObject().put("name", "Mix").put("songIds", new JsonArray().add("a").add("b").add("c").add("b"))));
    String id = created.playlist().playlist().id();
    catalog.remove("b");
    PlaylistView view = await(service.get(id));
    assertThat(view.songs()).extracting(Song::id).containsExactly("a", "c");
    assertThat(view.missingCount()).isEqualTo(2);
    assertThat(view.toJson().getInteger("missingCount")).isEqualTo(2);
    // the session side queues what is there; it gets every id to resolve and report itself
    assertThat(await(service.songIds(id))).containsExactly("a", "b", "c", "b");
  }

  @Test
  void aDatabaseThatIsDownIsUnavailable() throws Exception {
    catalog.put("a", song("a"));
    LocalPostgres postgres = LocalPostgres.start();
    PlaylistService service;
    String id;
    try {
      service = service(Map.of("DATABASE_URL", postgres.url()));
      id = await(service.create(new JsonObject().put("name", "Mix"))).playlist().playlist().id();
    } finally {
      postgres.close();
    }
    assertThatThrownBy(() -> await(service.get(id)))
        .isInstanceOfSatisfying(JamException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    assertThatThrownBy(() -> await(service.create(new JsonObject().put("name", "Other"))))
        .isInstanceOfSatisfying(JamException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }
}
