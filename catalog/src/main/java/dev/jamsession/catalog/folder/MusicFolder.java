package dev.jamsession.catalog.folder;

import dev.jamsession.catalog.AudioSource;
import dev.jamsession.catalog.Hashes;
import dev.jamsession.core.catalog.Song;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MUSIC_DIR: the audio files under a folder become the catalog. Files unchanged since the last
 * scan (same size and modification time) come from the index cache; the rest are read in
 * parallel. Every file that cannot be a song is skipped with one warning, never a failure.
 */
public final class MusicFolder {

  private static final Logger LOG = LoggerFactory.getLogger(MusicFolder.class);
  private static final int THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final Path root;
  private final IndexCache cache;
  private final TagReader tags = new TagReader();

  public MusicFolder(Path musicDir, Path cacheDir) {
    this.root = musicDir;
    this.cache = new IndexCache(cacheDir, musicDir);
  }

  /**
   * Scans the folder, reading only files the index does not know unchanged.
   *
   * @throws IllegalArgumentException when the folder is not a readable directory
   */
  public ScanReport scan() {
    long started = System.nanoTime();
    if (!Files.isDirectory(root) || !Files.isReadable(root)) {
      throw new IllegalArgumentException("MUSIC_DIR=" + root + " is not a readable directory");
    }
    warnIfFileNamesAreNotUtf8();
    FolderWalk walk;
    try {
      walk = FolderWalk.walk(root);
    } catch (IOException e) {
      throw new UncheckedIOException("MUSIC_DIR=" + root + " cannot be scanned", e);
    }
    List<FolderWalk.Candidate> files = walk.candidates();
    LOG.info("Scanning music in {}: {} audio files", root.toAbsolutePath(), files.size());
    Map<String, IndexEntry> known = cache.load();
    ScanProgress progress = new ScanProgress(files.size(), started);
    AtomicInteger parsed = new AtomicInteger();
    List<IndexEntry> entries = index(files, known, parsed, progress);
    cache.save(entries);
    ScanReport report = report(files, entries, walk.skipped(), parsed.get());
    LOG.info("Scanned {} files in {} ms ({} files/s): {} songs, {} files read, {} from the "
            + "index cache, {} skipped", files.size(), progress.elapsedMillis(), progress.rate(),
        report.songs().size(), report.parsed(), report.reused(), report.skipped().size());
    return report;
  }

  /** In a POSIX locale the JVM cannot decode non-ASCII file names: say so once, not per file. */
  private static void warnIfFileNamesAreNotUtf8() {
    String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (!encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("UTF8")) {
      LOG.warn("The JVM reads file names as {}, so names with non-ASCII characters will be "
          + "skipped; start it with LANG=C.UTF-8 (or another UTF-8 locale)", encoding);
    }
  }

  /** An entry per file, in file order: the cached one if still valid, else read now. */
  private List<IndexEntry> index(List<FolderWalk.Candidate> files, Map<String, IndexEntry> known,
                                 AtomicInteger parsed, ScanProgress progress) {
    List<Callable<IndexEntry>> tasks = new ArrayList<>(files.size());
    for (FolderWalk.Candidate file : files) {
      tasks.add(() -> {
        IndexEntry entry = known.get(file.path());
        if (entry == null || !entry.matches(file.size(), file.mtime())) {
          entry = read(file);
          parsed.incrementAndGet();
        }
        progress.fileDone();
        return entry;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "music-scan");
      t.setDaemon(true);
      return t;
    });
    try {
      List<IndexEntry> entries = new ArrayList<>(files.size());
      for (Future<IndexEntry> f : pool.invokeAll(tasks)) {
        entries.add(f.get());
      }
      return entries;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Music scan interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Music scan failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads one file; whatever goes wrong becomes the entry's error, never an exception. */
  private IndexEntry read(FolderWalk.Candidate file) {
    try {
      TrackTags t = NameFallback.complete(tags.read(file.real()), file.names());
      if (t.durationMs() <= 0) {
        return IndexEntry.failed(file.path(), file.size(), file.mtime(), "no audio (length unknown)");
      }
      return new IndexEntry(file.path(), file.size(), file.mtime(), t.title(), t.artist(),
          t.album(), t.genre(), t.year() == null ? 0 : t.year(), t.durationMs(), null);
    } catch (Exception | LinkageError | StackOverflowError e) {
      // jaudiotagger throws anything from checked exceptions to errors on hostile input.
      return IndexEntry.failed(file.path(), file.size(), file.mtime(), "not readable as "
          + AudioFormats.extension(file.path()) + " (" + FolderWalk.describe(e) + ")");
    }
  }

  private ScanReport report(List<FolderWalk.Candidate> files, List<IndexEntry> entries,
                            List<Skipped> walkSkipped, int parsed) {
    List<Song> songs = new ArrayList<>();
    Map<String, AudioSource> audio = new HashMap<>();
    List<Skipped> skipped = new ArrayList<>(walkSkipped);
    for (int i = 0; i < files.size(); i++) {
      IndexEntry e = entries.get(i);
      if (e.error() != null) {
        skipped.add(new Skipped(e.path(), e.error()));
        continue;
      }
      String id = "m-" + Hashes.sha256Hex(e.path()).substring(0, 16);
      if (audio.containsKey(id)) {
        skipped.add(new Skipped(e.path(), "id collision with another file"));
        continue;
      }
      songs.add(new Song(id, e.title(), e.artist(), e.album(), e.genre(), e.year(), e.durationMs(),
          "/api/songs/" + id + "/audio", null, 0.5));
      String type = AudioFormats.contentType(e.path()).orElseThrow();
      audio.put(id, new FileAudioSource(type, files.get(i).real()));
    }
    skipped.sort(Comparator.comparing(Skipped::path));
    for (Skipped s : skipped) {
      LOG.warn("Skipping {}: {}", s.path(), s.reason());
    }
    return new ScanReport(List.copyOf(songs), Map.copyOf(audio), parsed, files.size() - parsed,
        List.copyOf(skipped));
  }
}
