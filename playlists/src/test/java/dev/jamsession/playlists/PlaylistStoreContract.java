package dev.jamsession.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same repository tests on each database: a subclass says which one. */
abstract class PlaylistStoreContract {
  Vertx vertx;
  PlaylistStore store;

  /** DATA_DIR or DATABASE_URL of a fresh, empty database. */
  abstract Map<String, String> env() throws Exception;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    store = reopen();
  }

  PlaylistStore reopen() throws Exception {
    return PlaylistStores.open(vertx, PlaylistConfig.fromEnv(env())).await(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.await(30, TimeUnit.SECONDS);
  }

  static Playlist playlist(String id, String name, List<String> songs) {
    return new Playlist(id, name, songs, 1_000, 2_000);
  }

  @Test
  void keepsSongsInOrderWithRepeatsAndTheTokenHash() throws Exception {
    Playlist p = playlist("p1", "Road trip ✨", List.of("b", "a", "b", "c"));
    await(store.insert(p, "hash-1"));
    StoredPlaylist found = await(store.find("p1")).orElseThrow();
    assertThat(found.playlist()).isEqualTo(p);
    assertThat(found.tokenHash()).isEqualTo("hash-1");
    assertThat(await(store.find("p2"))).isEmpty();
  }

  @Test
  void updateChangesOnlyWhatItIsGiven() throws Exception {
    await(store.insert(playlist("p1", "Old", List.of("a", "b")), "h"));
    Playlist renamed = await(store.update("p1", "New", null, 3_000)).orElseThrow();
    assertThat(renamed).isEqualTo(new Playlist("p1", "New", List.of("a", "b"), 1_000, 3_000));
    Playlist refilled = await(store.update("p1", null, List.of("c"), 4_000)).orElseThrow();
    assertThat(refilled).isEqualTo(new Playlist("p1", "New", List.of("c"), 1_000, 4_000));
    Playlist emptied = await(store.update("p1", null, List.of(), 5_000)).orElseThrow();
    assertThat(emptied.songIds()).isEmpty();
    assertThat(await(store.find("p1")).orElseThrow().playlist()).isEqualTo(emptied);
    assertThat(await(store.update("nope", "X", null, 6_000))).isEmpty();
  }

  @Test
  void deleteRemovesOnce() throws Exception {
    await(store.insert(playlist("p1", "A", List.of("a")), "h"));
    assertThat(await(store.delete("p1"))).isTrue();
    assertThat(await(store.find("p1"))).isEmpty();
    assertThat(await(store.delete("p1"))).isFalse();
  }

  @Test
  void concurrentReplacesLeaveOneListWhole() throws Exception {
    await(store.insert(playlist("p1", "A", List.of()), "h"));
    List<List<String>> lists = IntStream.range(0, 16)
        .mapToObj(i -> IntStream.range(0, 200).mapToObj(k -> "s" + i + "-" + k).toList()).toList();
    List<Future<Optional<Playlist>>> writes = new ArrayList<>();
    for (int i = 0; i < lists.size(); i++) {
      writes.add(store.update("p1", "name " + i, lists.get(i), 10_000 + i));
    }
    for (Future<Optional<Playlist>> w : writes) {
      Playlist answered = await(w).orElseThrow();
      // each answer is one writer's whole change, its name matching its songs
      int writer = Integer.parseInt(answered.name().substring(5));
      assertThat(answered.songIds()).isEqualTo(lists.get(writer));
    }
    Playlist last = await(store.find("p1")).orElseThrow().playlist();
    int writer = Integer.parseInt(last.name().substring(5));
    assertThat(last.songIds()).isEqualTo(lists.get(writer));
    assertThat(last.updatedAt()).isEqualTo(10_000 + writer);
  }

  @Test
  void survivesReopeningAndMigratesOnce() throws Exception {
    await(store.insert(playlist("p1", "Kept", List.of("a", "a")), "h"));
    await(store.close());
    PlaylistStore again = reopen();
    assertThat(await(again.find("p1")).orElseThrow().playlist().songIds()).containsExactly("a", "a");
  }
}
