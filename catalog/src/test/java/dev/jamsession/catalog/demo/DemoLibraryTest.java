package dev.jamsession.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoLibraryTest {

  private final List<Song> songs = DemoLibrary.songs();

  @Test
  void hasTheShapeTheIssueAsksFor() {
    assertThat(songs).hasSizeGreaterThanOrEqualTo(200);
    assertThat(songs.stream().map(Song::genre).distinct().count()).isGreaterThanOrEqualTo(8);
    assertThat(songs.stream().map(Song::artist).distinct().count()).isGreaterThanOrEqualTo(40);
    assertThat(songs.stream().map(Song::id).distinct().count()).isEqualTo(songs.size());
  }

  @Test
  void everySongIsCompleteAndPlausible() {
    for (Song s : songs) {
      assertThat(s.id()).matches("d-[0-9a-f]{10}");
      assertThat(s.audioUrl()).isEqualTo("/api/songs/" + s.id() + "/audio");
      assertThat(s.title()).isNotBlank();
      assertThat(s.artist()).isNotBlank();
      assertThat(s.album()).isNotBlank();
      assertThat(s.year()).isBetween(1950, 2025);
      assertThat(s.durationMs()).isBetween(120_000L, 300_000L);
      assertThat(s.popularity()).isBetween(0.0, 1.0);
      AudioFeatures f = s.features();
      assertThat(f).isNotNull();
      assertThat(f.tempo()).isBetween(55.0, 180.0);
      for (double v : new double[] {f.energy(), f.valence(), f.danceability(), f.acousticness()}) {
        assertThat(v).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void isTheSameOnEveryRun() {
    assertThat(DemoLibrary.songs()).isEqualTo(songs);
  }

  @Test
  void featuresFollowTheGenre() {
    Map<String, List<Song>> byGenre = songs.stream().collect(Collectors.groupingBy(Song::genre));
    assertThat(mean(byGenre.get("Electronic"), f -> f.energy()))
        .isGreaterThan(mean(byGenre.get("Ambient"), f -> f.energy()) + 0.3);
    assertThat(mean(byGenre.get("Folk"), f -> f.acousticness()))
        .isGreaterThan(mean(byGenre.get("Rock"), f -> f.acousticness()) + 0.4);
    assertThat(mean(byGenre.get("Reggae"), f -> f.tempo()))
        .isLessThan(mean(byGenre.get("Rock"), f -> f.tempo()));
    assertThat(mean(byGenre.get("Hip-Hop"), f -> f.danceability()))
        .isGreaterThan(mean(byGenre.get("Classical"), f -> f.danceability()) + 0.4);
  }

  private static double mean(List<Song> songs, ToDoubleFunction<AudioFeatures> feature) {
    return songs.stream().mapToDouble(s -> feature.applyAsDouble(s.features())).average()
        .orElseThrow();
  }
}
