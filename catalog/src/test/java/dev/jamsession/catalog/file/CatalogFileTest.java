package dev.jamsession.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogFileTest {

  @TempDir
  Path dir;

  @Test
  void readsAnArrayOfSongs() throws IOException {
    Path file = json("[{\"id\": \"s1\", \"title\": \" Halo \", \"artist\": \"Beyoncé\","
        + " \"album\": \"I Am\", \"genre\": \"Pop\", \"year\": 2008, \"durationMs\": 261000,"
        + " \"audioUrl\": \"https://cdn.example.com/halo.mp3\", \"popularity\": 0.9,"
        + " \"features\": {\"tempo\": 80, \"energy\": 0.7, \"valence\": 0.4,"
        + " \"danceability\": 0.5, \"acousticness\": 0.1}, \"extra\": \"ignored\"},"
        + " {\"id\": \"s2\", \"title\": \"Minimal\", \"artist\": \"Someone\", \"durationMs\": 1000,"
        + " \"audioUrl\": \"/media/minimal.ogg\"}]");

    List<Song> songs = CatalogFile.read(file);

    assertThat(songs).containsExactly(
        new Song("s1", "Halo", "Beyoncé", "I Am", "Pop", 2008, 261000,
            "https://cdn.example.com/halo.mp3", new AudioFeatures(80, 0.7, 0.4, 0.5, 0.1), 0.9),
        new Song("s2", "Minimal", "Someone", "", "", 0, 1000, "/media/minimal.ogg", null, 0.5));
  }

  @Test
  void readsAnObjectWithSongs() throws IOException {
    Path file = json("{\"songs\": [{\"id\": \"s1\", \"title\": \"T\", \"artist\": \"A\","
        + " \"durationMs\": 5, \"audioUrl\": \"http://x.test/a.mp3\"}]}");
    assertThat(CatalogFile.read(file)).extracting(Song::id).containsExactly("s1");
  }

  @Test
  void keepsEachEntrysOwnCoverUrlAndRefusesOneABrowserWouldRun() throws IOException {
    Path file = json("[{\"id\": \"c1\", \"title\": \"T\", \"artist\": \"A\", \"durationMs\": 5,"
        + " \"audioUrl\": \"/a.mp3\", \"artUrl\": \"https://img.example/c1.jpg\"},"
        + " {\"id\": \"c2\", \"title\": \"T\", \"artist\": \"A\", \"durationMs\": 5, \"audioUrl\": \"/b.mp3\"}]");
    CatalogFile.Loaded loaded = CatalogFile.load(file);
    assertThat(loaded.songs()).extracting(Song::id).containsExactly("c1", "c2");
    assertThat(loaded.artUrls()).containsOnly(java.util.Map.entry("c1", "https://img.example/c1.jpg"));

    Path bad = json("[{\"id\": \"c3\", \"title\": \"T\", \"artist\": \"A\", \"durationMs\": 5,"
        + " \"audioUrl\": \"/a.mp3\", \"artUrl\": \"javascript:alert(1)\"}]");
    assertThatThrownBy(() -> CatalogFile.load(bad)).isInstanceOfSatisfying(CatalogFileException.class, e ->
        assertThat(e.problems()).containsExactly(
            "songs[0] (id \"c3\"): field \"artUrl\" must be an http(s) URL or a path starting with /"));
  }

  @Test
  void namesEveryBadEntryAndField() throws IOException {
    Path file = json("[{\"id\": \"ok\", \"title\": \"T\", \"artist\": \"A\", \"durationMs\": 5,"
        + " \"audioUrl\": \"/a.mp3\"},"
        + " {\"id\": \"no-title\", \"artist\": \"A\", \"durationMs\": 5, \"audioUrl\": \"/a.mp3\"},"
        + " {\"id\": \"bad-length\", \"title\": \"T\", \"artist\": \"A\", \"durationMs\": \"long\","
        + " \"audioUrl\": \"/a.mp3\"},"
        + " {\"id\": \"ok\", \"title\": \"T\", \"artist\": \"A\", \"durationMs\": 5,"
        + " \"audioUrl\": \"/a.mp3\"},"
        + " {\"id\": \"xss\", \"title\": \"T\", \"artist\": \"A\", \"durationMs\": 5,"
        + " \"audioUrl\": \"javascript:alert(1)\"},"
        + " 42,"
        + " {\"id\": \"feat\", \"title\": \"T\", \"artist\": \"A\", \"durationMs\": 5,"
        + " \"audioUrl\": \"/a.mp3\", \"features\": {\"tempo\": 90, \"energy\": 2}},"
        + " {\"id\": \"../etc\", \"title\": \"T\", \"artist\": \"A\", \"durationMs\": 5,"
        + " \"audioUrl\": \"/a.mp3\", \"year\": 1999.5}]");

    assertThatThrownBy(() -> CatalogFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .isInstanceOfSatisfying(CatalogFileException.class, e -> assertThat(e.problems())
            .containsExactly(
                "songs[1] (id \"no-title\"): field \"title\" is missing",
                "songs[2] (id \"bad-length\"): field \"durationMs\" must be a whole number",
                "songs[3] (id \"ok\"): id \"ok\" is already used by songs[0]",
                "songs[4] (id \"xss\"): field \"audioUrl\" must be an http(s) URL or a path starting with /",
                "songs[5]: must be a JSON object",
                "songs[6] (id \"feat\"): field \"features.energy\" must be between 0.0 and 1.0, not 2.0",
                "songs[6] (id \"feat\"): field \"features.valence\" is missing",
                "songs[6] (id \"feat\"): field \"features.danceability\" is missing",
                "songs[6] (id \"feat\"): field \"features.acousticness\" is missing",
                "songs[7] (id \"../etc\"): field \"id\" must be 1-64 characters of A-Z a-z 0-9 . _ ~ : -",
                "songs[7] (id \"../etc\"): field \"year\" must be a whole number"))
        .hasMessageStartingWith("CATALOG_FILE=" + file + ": 11 problems");
  }

  @Test
  void reportsJsonSyntaxErrorsWithTheirPosition() throws IOException {
    Path file = json("[{\"id\": \"a\",\n \"title\": }]");
    assertThatThrownBy(() -> CatalogFile.read(file))
        .isInstanceOf(CatalogFileException.class)
        .hasMessageContaining("CATALOG_FILE=" + file)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("line 2");
  }

  @Test
  void refusesOtherShapes() throws IOException {
    assertThatThrownBy(() -> CatalogFile.read(json("{\"tracks\": []}")))
        .hasMessageContaining("expected a JSON array of songs");
    assertThatThrownBy(() -> CatalogFile.read(json("7")))
        .hasMessageContaining("expected a JSON array of songs");
    assertThatThrownBy(() -> CatalogFile.read(dir.resolve("missing.json")))
        .hasMessageContaining("cannot be read");
  }

  private Path json(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "catalog", ".json"), text);
  }
}
