package dev.jamsession.catalog.folder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes real encoded audio for tests with Debian's ffmpeg (package {@code ffmpeg}): three
 * seconds of a sine tone in each format the catalog reads.
 */
final class Encoder {

  static final long SECONDS = 3;

  private Encoder() {}

  static boolean available() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "ffmpeg"))) {
        return true;
      }
    }
    return false;
  }

  /** Encodes a tone into {@code out}, whose extension picks the codec; extra args go last. */
  static void encode(Path out, String... extra) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi",
        "-i", "sine=frequency=440:sample_rate=44100:duration=" + SECONDS, "-ac", "1"));
    cmd.addAll(codec(out.getFileName().toString()));
    cmd.addAll(List.of(extra));
    cmd.add(out.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ffmpeg failed for " + out + ": " + output);
    }
  }

  private static List<String> codec(String name) {
    String ext = AudioFormats.extension(name);
    switch (ext) {
      case "mp3": return List.of("-c:a", "libmp3lame", "-b:a", "64k");
      case "ogg": return List.of("-c:a", "libvorbis", "-q:a", "2");
      case "flac": return List.of("-c:a", "flac");
      case "m4a": return List.of("-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart");
      case "opus": return List.of("-c:a", "libopus", "-b:a", "32k");
      default: throw new IllegalArgumentException(name);
    }
  }
}
