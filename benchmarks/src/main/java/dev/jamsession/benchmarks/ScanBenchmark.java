package dev.jamsession.benchmarks;

import dev.jamsession.catalog.demo.synth.WavFile;
import dev.jamsession.catalog.folder.MusicFolder;
import dev.jamsession.catalog.folder.ScanReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

/**
 * A music folder scan over many files: first without an index, then a restart over the same
 * folder, then after some files changed, appeared and disappeared. Files are short tagged
 * MP3/Ogg/FLAC (when ffmpeg is installed) and WAV, laid out Artist/Album/NN - Track.ext.
 */
final class ScanBenchmark {

  private static final java.util.logging.Logger JAUDIOTAGGER =
      java.util.logging.Logger.getLogger("org.jaudiotagger");

  private ScanBenchmark() {}

  static void run(int count) throws Exception {
    JAUDIOTAGGER.setLevel(Level.OFF);
    Path dir = Files.createTempDirectory("jam-scan-bench");
    try {
      Path music = dir.resolve("music");
      Path cache = dir.resolve("cache");
      List<Path> files = createLibrary(dir, music, count);
      System.out.printf("Created %,d files under %s%n", files.size(), music);

      long cold = timed(music, cache, "Cold scan (no index)");
      long warm = timed(music, cache, "Restart, nothing changed");
      changeSome(files);
      long changed = timed(music, cache, "Restart, 1% touched, 50 added, 50 removed");
      System.out.printf("%nCold %,d ms, restart %,d ms, restart after changes %,d ms%n", cold,
          warm, changed);
    } finally {
      deleteTree(dir);
    }
  }

  private static long timed(Path music, Path cache, String label) {
    System.out.printf("%n== %s%n", label);
    long t0 = System.nanoTime();
    ScanReport report = new MusicFolder(music, cache).scan();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("%s: %,d ms; %,d songs, %,d files read, %,d from the index, %d skipped%n",
        label, ms, report.songs().size(), report.parsed(), report.reused(), report.skipped().size());
    return ms;
  }

  private static List<Path> createLibrary(Path dir, Path music, int count) throws Exception {
    List<byte[]> samples = samples(dir);
    List<String> extensions = new ArrayList<>(List.of("mp3", "ogg", "flac", "wav"));
    if (samples.size() == 1) {
      extensions = List.of("wav");
      System.out.println("ffmpeg not found: WAV files only");
    }
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int which = i % extensions.size();
      String name = String.format("Artist %03d/Album %02d/%02d - Track %d.%s", i / 100,
          (i / 10) % 10, i % 10 + 1, i, extensions.get(which));
      Path file = music.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, samples.get(which));
      files.add(file);
    }
    for (int i = 0; i < 10; i++) {
      Files.writeString(music.resolve("broken-" + i + ".mp3"), "not audio", StandardCharsets.UTF_8);
    }
    return files;
  }

  /** One short tagged file per format: mp3, ogg, flac, then wav (or only wav). */
  private static List<byte[]> samples(Path dir) throws Exception {
    List<byte[]> samples = new ArrayList<>();
    if (ffmpeg()) {
      for (String[] codec : new String[][] {{"mp3", "libmp3lame"}, {"ogg", "libvorbis"},
          {"flac", "flac"}}) {
        Path file = dir.resolve("sample." + codec[0]);
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
            "sine=frequency=330:duration=1", "-ac", "1", "-c:a", codec[1], file.toString())
            .inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IOException("ffmpeg failed");
        }
        AudioFile audio = AudioFileIO.read(file.toFile());
        Tag tag = audio.getTagOrCreateAndSetDefault();
        tag.setField(FieldKey.TITLE, "Benchmark Tone");
        tag.setField(FieldKey.ARTIST, "Sine Wave Ensemble");
        tag.setField(FieldKey.ALBUM, "Tones");
        tag.setField(FieldKey.GENRE, "Ambient");
        tag.setField(FieldKey.YEAR, "2024");
        audio.commit();
        samples.add(Files.readAllBytes(file));
      }
    }
    samples.add(WavFile.encode(new float[22050 / 4], 22050));
    return samples;
  }

  private static void changeSome(List<Path> files) throws IOException {
    long later = System.currentTimeMillis() + 10_000;
    for (int i = 0; i < files.size(); i += 100) {
      Files.setLastModifiedTime(files.get(i), FileTime.fromMillis(later));
    }
    for (int i = 0; i < 50 && i < files.size(); i++) {
      Path source = files.get(files.size() - 1 - i);
      Files.copy(source, source.resolveSibling("added-" + i + "-" + source.getFileName()));
      Files.delete(files.get(1 + i * 7));
    }
  }

  private static boolean ffmpeg() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "ffmpeg"))) {
        return true;
      }
    }
    return false;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
