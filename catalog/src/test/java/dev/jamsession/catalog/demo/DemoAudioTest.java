package dev.jamsession.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.catalog.AudioSource;
import dev.jamsession.catalog.WavInfo;
import dev.jamsession.catalog.demo.synth.SongRenderer;
import dev.jamsession.core.catalog.Song;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo audio: real, decodable WAV files of the declared length. Rendering every song would take
 * a minute of CPU and 2 GB of disk, so this renders a fixed sample covering every genre.
 */
class DemoAudioTest {

  private static final List<Song> SONGS = DemoLibrary.songs();
  /** Every tenth song: 26 songs, at least two of each genre (the library is grouped by genre). */
  private static final List<Song> SAMPLE = IntStream.range(0, SONGS.size()).filter(i -> i % 10 == 0)
      .mapToObj(SONGS::get).collect(Collectors.toList());

  @TempDir
  Path cacheDir;

  @Test
  void sampleCoversEveryGenre() {
    assertThat(SAMPLE).hasSizeGreaterThanOrEqualTo(20);
    assertThat(SAMPLE.stream().map(Song::genre).distinct().count())
        .isEqualTo(SONGS.stream().map(Song::genre).distinct().count());
  }

  @Test
  void renderedSongsAreValidWavOfTheDeclaredDuration() throws Exception {
    DemoAudioCache cache = new DemoAudioCache(cacheDir);
    List<Song> failures = SAMPLE.parallelStream().filter(song -> !isGoodWav(cache, song))
        .collect(Collectors.toList());
    assertThat(failures).isEmpty();
  }

  private static boolean isGoodWav(DemoAudioCache cache, Song song) {
    try {
      AudioSource source = cache.source(song);
      assertThat(source.contentType()).isEqualTo("audio/wav");
      Path file = source.file();
      WavInfo wav = WavInfo.read(file);
      assertThat(wav.format()).as("PCM").isEqualTo(1);
      assertThat(wav.channels()).isEqualTo(1);
      assertThat(wav.sampleRate()).isEqualTo(SongRenderer.SAMPLE_RATE);
      assertThat(wav.bitsPerSample()).isEqualTo(16);
      assertThat(wav.dataOffset() + wav.dataBytes()).isEqualTo(wav.fileBytes());
      assertThat(wav.durationMs()).isCloseTo(song.durationMs(), org.assertj.core.data.Offset.offset(50L));
      assertSoundsLikeMusic(file, wav);
      assertJdkDecodes(file, song);
      Files.delete(file); // keep the sample from filling the disk
      return true;
    } catch (Exception | AssertionError e) {
      System.err.println("Demo song " + song + " failed: " + e);
      return false;
    }
  }

  /** Loud enough, not clipped, and not silent for long anywhere but the fade-out. */
  private static void assertSoundsLikeMusic(Path file, WavInfo wav) throws IOException {
    ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    data.position((int) wav.dataOffset());
    int n = (int) (wav.dataBytes() / 2);
    int window = wav.sampleRate();
    double sumSquares = 0;
    int peak = 0;
    int silentSeconds = 0;
    for (int w = 0; w + window <= n - 4 * window; w += window) {
      double energy = 0;
      for (int i = 0; i < window; i++) {
        int s = data.getShort();
        energy += (double) s * s;
        peak = Math.max(peak, Math.abs(s));
      }
      sumSquares += energy;
      if (Math.sqrt(energy / window) < 200) {
        silentSeconds++;
      }
    }
    double rms = Math.sqrt(sumSquares / Math.max(1, n - 4 * window)) / 32768;
    assertThat(rms).as("RMS level").isBetween(0.04, 0.5);
    assertThat(peak).as("peak").isLessThan(32767);
    assertThat(silentSeconds).as("silent seconds").isLessThanOrEqualTo(1);
  }

  /** An independent decoder (the JDK's) agrees on format and length. */
  private static void assertJdkDecodes(Path file, Song song) throws Exception {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
      AudioFormat format = in.getFormat();
      assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
      assertThat(format.getSampleRate()).isEqualTo(SongRenderer.SAMPLE_RATE);
      assertThat(in.getFrameLength() * 1000 / SongRenderer.SAMPLE_RATE)
          .isCloseTo(song.durationMs(), org.assertj.core.data.Offset.offset(50L));
    }
  }

  @Test
  void rendersDeterministically() {
    Song song = SONGS.get(3);
    assertThat(Arrays.equals(SongRenderer.render(song), SongRenderer.render(song))).isTrue();
  }

  @Test
  void rendersOnceAndReusesTheCacheAcrossRestarts() throws Exception {
    Song song = SONGS.get(0);
    DemoAudioCache first = new DemoAudioCache(cacheDir);
    Path file = first.source(song).file();
    FileTime written = Files.getLastModifiedTime(file);
    assertThat(first.source(song).file()).isEqualTo(file);
    assertThat(first.renderCount()).isEqualTo(1);

    DemoAudioCache afterRestart = new DemoAudioCache(cacheDir);
    assertThat(afterRestart.source(song).file()).isEqualTo(file);
    assertThat(afterRestart.renderCount()).isZero();
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
  }

  @Test
  void aTruncatedCacheFileIsRenderedAgain() throws Exception {
    Song song = SONGS.get(1);
    DemoAudioCache cache = new DemoAudioCache(cacheDir);
    Path file = cache.source(song).file();
    Files.write(file, new byte[100]);
    assertThat(cache.source(song).file()).isEqualTo(file);
    assertThat(cache.renderCount()).isEqualTo(2);
    assertThat(WavInfo.read(file).durationMs()).isCloseTo(song.durationMs(),
        org.assertj.core.data.Offset.offset(50L));
  }

  @Test
  void concurrentFirstRequestsRenderOnceAndAllGetTheCompleteFile() throws Exception {
    Song song = SONGS.get(2);
    DemoAudioCache cache = new DemoAudioCache(cacheDir);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Long>> requests = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        requests.add(() -> Files.size(cache.source(song).file()));
      }
      long expected = -1;
      for (Future<Long> size : pool.invokeAll(requests)) {
        expected = expected < 0 ? size.get() : expected;
        assertThat(size.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.renderCount()).isEqualTo(1);
    try (var files = Files.walk(cacheDir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly(song.id() + ".wav");
    }
  }
}
