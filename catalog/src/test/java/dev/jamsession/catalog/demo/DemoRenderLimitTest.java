package dev.jamsession.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.catalog.AudioBusyException;
import dev.jamsession.core.catalog.Song;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A burst of first requests for different demo songs renders within a bound (issue 11, finding 8). */
class DemoRenderLimitTest {
  static final List<Song> SONGS = DemoLibrary.songs();

  @TempDir
  Path cacheDir;

  @Test
  void songsBeyondTheBoundAreRefusedAtOnceAndASongInProgressIsShared() throws Exception {
    DemoAudioCache cache = new DemoAudioCache(cacheDir, 1, 2);
    List<CompletableFuture<Path>> accepted = new ArrayList<>();
    List<Throwable> refused = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      CompletableFuture<Path> f = cache.source(SONGS.get(i)).whenReady().toCompletableFuture();
      if (f.isCompletedExceptionally()) {
        refused.add(f.handle((p, e) -> e).get());
      } else {
        accepted.add(f);
      }
    }
    assertThat(accepted).hasSize(2);
    assertThat(refused).hasSize(4).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(AudioBusyException.class,
        busy -> assertThat(busy.retryAfterSeconds()).isBetween(1, 10)));
    // Another request for a song in progress waits for the same render rather than being refused.
    CompletionStage<Path> again = cache.source(SONGS.get(0)).whenReady();
    assertThat(again.toCompletableFuture().isCompletedExceptionally()).isFalse();
    assertThat(again.toCompletableFuture().get(60, TimeUnit.SECONDS)).isEqualTo(accepted.get(0).get());

    CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(cache.renderCount()).isEqualTo(2);
    // Once done, rendered songs are served from the cache and new ones are accepted again.
    assertThat(cache.source(SONGS.get(1)).whenReady().toCompletableFuture().isDone()).isTrue();
    assertThat(cache.source(SONGS.get(2)).whenReady().toCompletableFuture().get(60, TimeUnit.SECONDS)).exists();
    assertThat(cache.renderCount()).isEqualTo(3);
  }
}
