package dev.jamsession.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogConfigTest {

  @TempDir
  Path dir;

  @Test
  void noVariablesMeansTheDemoLibraryInTheDefaultCache() {
    CatalogConfig config = CatalogConfig.fromEnv(Map.of("MUSIC_DIR", " ", "OTHER", "x"));
    assertThat(config).isEqualTo(new CatalogConfig(null, null, Path.of(".cache/jam-session")));
  }

  @Test
  void readsEachVariable() throws IOException {
    Path file = Files.writeString(dir.resolve("songs.json"), "[]");
    assertThat(CatalogConfig.fromEnv(Map.of("MUSIC_DIR", dir.toString(), "CACHE_DIR", "/tmp/c")))
        .isEqualTo(new CatalogConfig(dir, null, Path.of("/tmp/c")));
    assertThat(CatalogConfig.fromEnv(Map.of("CATALOG_FILE", file.toString())).catalogFile())
        .isEqualTo(file);
  }

  @Test
  void badValuesNameTheVariable() throws IOException {
    Path file = Files.writeString(dir.resolve("songs.json"), "[]");
    assertThatThrownBy(() -> CatalogConfig.fromEnv(Map.of("MUSIC_DIR", dir.resolve("nope").toString())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("MUSIC_DIR=")
        .hasMessageContaining("not a directory");
    assertThatThrownBy(() -> CatalogConfig.fromEnv(Map.of("MUSIC_DIR", file.toString())))
        .hasMessageStartingWith("MUSIC_DIR=");
    assertThatThrownBy(() -> CatalogConfig.fromEnv(Map.of("CATALOG_FILE", dir.toString())))
        .hasMessageStartingWith("CATALOG_FILE=").hasMessageContaining("not a file");
    assertThatThrownBy(() -> CatalogConfig.fromEnv(Map.of("CACHE_DIR", file.toString())))
        .hasMessageStartingWith("CACHE_DIR=").hasMessageContaining("not a directory");
    assertThatThrownBy(() -> CatalogConfig.fromEnv(Map.of("CACHE_DIR", "a\u0000b")))
        .hasMessageStartingWith("CACHE_DIR=");
    assertThatThrownBy(() -> CatalogConfig.fromEnv(
        Map.of("MUSIC_DIR", dir.toString(), "CATALOG_FILE", file.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MUSIC_DIR").hasMessageContaining("CATALOG_FILE");
  }
}
