package dev.jamsession.catalog;

import dev.jamsession.catalog.demo.DemoAudioCache;
import dev.jamsession.catalog.demo.DemoLibrary;
import dev.jamsession.catalog.file.CatalogFile;
import dev.jamsession.catalog.folder.MusicFolder;
import dev.jamsession.catalog.folder.ScanReport;
import dev.jamsession.core.catalog.Song;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the server's catalog from its configuration (docs/ARCHITECTURE.md, "The catalog is the
 * server's").
 */
public final class Catalogs {

  private static final Logger LOG = LoggerFactory.getLogger(Catalogs.class);

  private Catalogs() {}

  /**
   * The catalog the configuration names: CATALOG_FILE, else MUSIC_DIR, else the demo library.
   * Call it once at start-up, off the event loop: a first scan of a large folder takes a while.
   *
   * @throws IllegalArgumentException naming the variable when the file or folder is unusable
   */
  public static Catalog load(CatalogConfig config) {
    if (config.catalogFile() != null) {
      CatalogFile.Loaded file = CatalogFile.load(config.catalogFile());
      LOG.info("Catalog: {} songs from {}", file.songs().size(), config.catalogFile());
      return new SongCatalog(file.songs(), Map.of(), file.artUrls());
    }
    if (config.musicDir() != null) {
      ScanReport report = new MusicFolder(config.musicDir(), config.cacheDir()).scan();
      if (report.songs().isEmpty()) {
        LOG.warn("Catalog: {} holds no playable audio files", config.musicDir());
      }
      return new SongCatalog(report.songs(), report.audio());
    }
    return demo(config);
  }

  /** The catalog the environment names ({@link CatalogConfig#fromEnv}), as {@link #load} builds it. */
  public static Catalog fromEnv(Map<String, String> env) {
    return load(CatalogConfig.fromEnv(env));
  }

  /** A catalog of the given songs without audio of its own: for tests and benchmarks. */
  public static Catalog of(Collection<Song> songs) {
    return new SongCatalog(songs, Map.of());
  }

  private static Catalog demo(CatalogConfig config) {
    List<Song> songs = DemoLibrary.songs();
    DemoAudioCache cache = new DemoAudioCache(config.cacheDir());
    Map<String, AudioSource> audio = new HashMap<>();
    for (Song song : songs) {
      audio.put(song.id(), cache.source(song));
    }
    LOG.info("Catalog: {} demo songs, audio synthesised on first play into {}", songs.size(),
        config.cacheDir().toAbsolutePath());
    return new SongCatalog(songs, audio);
  }
}
