package dev.jamsession.catalog.demo;

import dev.jamsession.catalog.AudioSource;
import dev.jamsession.catalog.demo.synth.SongRenderer;
import dev.jamsession.catalog.demo.synth.WavFile;
import dev.jamsession.core.catalog.Song;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo songs' audio, synthesised on first request and kept as WAV files in the cache folder.
 *
 * <p>A song renders once per JVM (a lock per song); the file appears by an atomic rename of a
 * finished temporary file, so a reader never sees half a file, even when several processes
 * share the folder. Synthesis changes bump {@link #RENDER_VERSION}, which starts a new folder.
 */
public final class DemoAudioCache {

  public static final String CONTENT_TYPE = "audio/wav";
  private static final String RENDER_VERSION = "v1";
  private static final Logger LOG = LoggerFactory.getLogger(DemoAudioCache.class);

  private final Path dir;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
  private final AtomicInteger renders = new AtomicInteger();

  public DemoAudioCache(Path cacheDir) {
    this.dir = cacheDir.resolve("demo-audio").resolve(RENDER_VERSION);
  }

  public AudioSource source(Song song) {
    return new AudioSource() {
      @Override
      public String contentType() {
        return CONTENT_TYPE;
      }

      @Override
      public Path file() throws IOException {
        return DemoAudioCache.this.file(song);
      }
    };
  }

  /** How many songs this instance has synthesised (not found in the cache). */
  public int renderCount() {
    return renders.get();
  }

  Path file(Song song) throws IOException {
    Path target = dir.resolve(song.id() + ".wav");
    long expected = WavFile.fileSize(SongRenderer.sampleCount(song.durationMs()));
    if (isComplete(target, expected)) {
      return target;
    }
    synchronized (locks.computeIfAbsent(song.id(), id -> new Object())) {
      if (!isComplete(target, expected)) {
        render(song, target);
      }
    }
    return target;
  }

  private void render(Song song, Path target) throws IOException {
    long started = System.nanoTime();
    byte[] wav = WavFile.encode(SongRenderer.render(song), SongRenderer.SAMPLE_RATE);
    Files.createDirectories(dir);
    Path part = Files.createTempFile(dir, song.id() + "-", ".part");
    try {
      Files.write(part, wav);
      moveIntoPlace(part, target);
    } finally {
      Files.deleteIfExists(part);
    }
    renders.incrementAndGet();
    LOG.info("Rendered demo song {} \"{}\" in {} ms", song.id(), song.title(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A file of the right size: a stray truncated file (a full disk, say) is rendered again. */
  private static boolean isComplete(Path file, long expectedSize) {
    try {
      return Files.size(file) == expectedSize;
    } catch (IOException e) {
      return false;
    }
  }
}
