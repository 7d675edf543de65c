package dev.jamsession.catalog.folder;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamsession.catalog.Hashes;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The music folder's index on disk (JSON), one per folder, so a restart only reads the files
 * that changed. Losing it costs a rescan, never correctness: a missing, corrupt or outdated
 * index is treated as empty.
 */
final class IndexCache {

  /** Bump when what an entry means changes (tag reading, name fallbacks). */
  static final int VERSION = 1;
  private static final Logger LOG = LoggerFactory.getLogger(IndexCache.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  record Stored(int version, String root, List<IndexEntry> entries) {}

  private final Path file;
  private final String root;

  IndexCache(Path cacheDir, Path musicDir) {
    this.root = musicDir.toAbsolutePath().normalize().toString();
    this.file = cacheDir.resolve("music-index")
        .resolve(Hashes.sha256Hex(root).substring(0, 16) + ".json");
  }

  Path file() {
    return file;
  }

  /** Entries by relative path; empty when there is no usable index. */
  Map<String, IndexEntry> load() {
    try {
      Stored stored = JSON.readValue(file.toFile(), Stored.class);
      if (stored.version() != VERSION || !root.equals(stored.root()) || stored.entries() == null) {
        return Map.of();
      }
      Map<String, IndexEntry> entries = new HashMap<>(stored.entries().size() * 2);
      for (IndexEntry e : stored.entries()) {
        entries.put(e.path(), e);
      }
      return entries;
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return Map.of();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Music index {} is unreadable ({}); reading every file again", file, e.getMessage());
      return Map.of();
    }
  }

  /** Replaces the index atomically; a failure only costs the next start a rescan. */
  void save(Collection<IndexEntry> entries) {
    try {
      Files.createDirectories(file.getParent());
      Path part = Files.createTempFile(file.getParent(), "index-", ".part");
      try {
        JSON.writeValue(part.toFile(), new Stored(VERSION, root, List.copyOf(entries)));
        try {
          Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(part);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot write the music index {} ({}); the next start reads every file again",
          file, e.getMessage());
    }
  }
}
