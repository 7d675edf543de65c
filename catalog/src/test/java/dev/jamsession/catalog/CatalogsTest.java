package dev.jamsession.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.catalog.demo.synth.WavFile;
import dev.jamsession.core.catalog.Song;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogsTest {

  @TempDir
  Path dir;

  @Test
  void theDemoLibraryIsTheDefault() throws IOException {
    Catalog catalog = Catalogs.load(CatalogConfig.demo(dir.resolve("cache")));

    assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(200);
    Song song = catalog.all().get(0);
    assertThat(catalog.byId(song.id())).contains(song);
    assertThat(catalog.audio(song.id())).get().extracting(AudioSource::contentType)
        .isEqualTo("audio/wav");
    assertThat(catalog.audio("nope")).isEmpty();
    assertThat(catalog.audio(null)).isEmpty();
    assertThat(catalog.byId(null)).isEmpty();
    assertThat(catalog.search(new SearchQuery(song.title(), null, null, 5, 0)).songs())
        .contains(song);
    // Nothing is rendered until someone plays a song.
    assertThat(Files.exists(dir.resolve("cache"))).isFalse();
  }

  @Test
  void aCatalogFileServesNoAudioOfItsOwn() throws IOException {
    Path file = Files.writeString(dir.resolve("songs.json"), "[{\"id\": \"s1\", \"title\": \"T\","
        + " \"artist\": \"A\", \"durationMs\": 5, \"audioUrl\": \"https://x.test/a.mp3\"}]");

    Catalog catalog = Catalogs.load(new CatalogConfig(null, file, dir));

    assertThat(catalog.all()).extracting(Song::id).containsExactly("s1");
    assertThat(catalog.byId("s1").orElseThrow().audioUrl()).isEqualTo("https://x.test/a.mp3");
    assertThat(catalog.audio("s1")).isEmpty();
  }

  @Test
  void aMusicFolderServesItsFiles() throws IOException {
    Path music = Files.createDirectories(dir.resolve("music/Artist/Album"));
    Files.write(music.resolve("01 - Tune.wav"), WavFile.encode(new float[22050], 22050));

    Catalog catalog = Catalogs.load(new CatalogConfig(dir.resolve("music"), null, dir.resolve("cache")));

    Song song = catalog.all().get(0);
    assertThat(song).extracting(Song::title, Song::artist, Song::album)
        .containsExactly("Tune", "Artist", "Album");
    assertThat(catalog.audio(song.id()).orElseThrow().file()).isEqualTo(
        music.resolve("01 - Tune.wav").toAbsolutePath());
  }

  @Test
  void refusesDuplicateIds() {
    Song song = new Song("x", "T", "A", "B", "G", 0, 1, "/a", null, 0.5);
    assertThatThrownBy(() -> Catalogs.of(List.of(song, song)))
        .hasMessageContaining("Duplicate song id x");
  }
}
