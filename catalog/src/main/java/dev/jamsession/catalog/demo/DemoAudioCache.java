package dev.jamsession.catalog.demo;

import dev.jamsession.catalog.AudioBusyException;
import dev.jamsession.catalog.AudioSource;
import dev.jamsession.catalog.demo.synth.SongRenderer;
import dev.jamsession.catalog.demo.synth.WavFile;
import dev.jamsession.core.catalog.Song;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo songs' audio, synthesised on first request and kept as WAV files in the cache folder.
 *
 * <p>A song renders once per JVM (a lock per song); the file appears by an atomic rename of a
 * finished temporary file, so a reader never sees half a file, even when several processes
 * share the folder. Synthesis changes bump {@link #RENDER_VERSION}, which starts a new folder.
 *
 * <p>A render costs 1 to 1.7 s of CPU and tens of MB of heap, so requests render through
 * {@link AudioSource#whenReady()} on a small pool of their own with a bounded number of songs
 * in progress: a burst of first requests for different songs cannot load the server, and a
 * request beyond the bound fails at once with {@link AudioBusyException}. Requests for a song
 * already in progress wait for that one render.
 */
public final class DemoAudioCache {

  public static final String CONTENT_TYPE = "audio/wav";
  private static final String RENDER_VERSION = "v1";
  private static final Logger LOG = LoggerFactory.getLogger(DemoAudioCache.class);
  /** One render at a time leaves the other core to the event loops on a small machine. */
  public static final int RENDER_THREADS = 1;
  public static final int MAX_SONGS_IN_PROGRESS = 8;
  private static final int MAX_RETRY_AFTER_SECONDS = 10;

  private final Path dir;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
  private final AtomicInteger renders = new AtomicInteger();
  private final ThreadPoolExecutor renderer;
  private final int threads;
  private final int maxInProgress;
  private final Map<String, CompletableFuture<Path>> inProgress = new HashMap<>();

  public DemoAudioCache(Path cacheDir) {
    this(cacheDir, RENDER_THREADS, MAX_SONGS_IN_PROGRESS);
  }

  public DemoAudioCache(Path cacheDir, int threads, int maxInProgress) {
    this.dir = cacheDir.resolve("demo-audio").resolve(RENDER_VERSION);
    this.threads = threads;
    this.maxInProgress = maxInProgress;
    // Idle threads end, so a catalog that stops rendering holds none.
    this.renderer = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "demo-render");
          t.setDaemon(true);
          return t;
        });
    renderer.allowCoreThreadTimeOut(true);
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

      @Override
      public CompletionStage<Path> whenReady() {
        return DemoAudioCache.this.whenReady(song);
      }
    };
  }

  private CompletionStage<Path> whenReady(Song song) {
    Path target = dir.resolve(song.id() + ".wav");
    if (isComplete(target, WavFile.fileSize(SongRenderer.sampleCount(song.durationMs())))) {
      return CompletableFuture.completedFuture(target);
    }
    synchronized (inProgress) {
      CompletableFuture<Path> render = inProgress.get(song.id());
      if (render != null) {
        return render.minimalCompletionStage(); // waiters share the render and cannot cancel it
      }
      if (inProgress.size() >= maxInProgress) {
        int seconds = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, 2 * inProgress.size() / threads));
        return CompletableFuture.failedFuture(new AudioBusyException(seconds));
      }
      CompletableFuture<Path> started = CompletableFuture.supplyAsync(() -> {
        try {
          return file(song);
        } catch (IOException e) {
          throw new CompletionException(e);
        }
      }, renderer);
      inProgress.put(song.id(), started);
      started.whenComplete((file, failure) -> {
        synchronized (inProgress) {
          inProgress.remove(song.id(), started);
        }
      });
      return started.minimalCompletionStage();
    }
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
