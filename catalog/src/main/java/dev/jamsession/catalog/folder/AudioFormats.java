package dev.jamsession.catalog.folder;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The audio files a music folder may hold, by extension, with the MIME type served for each. */
public final class AudioFormats {

  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "mp3", "audio/mpeg",
      "ogg", "audio/ogg",
      "opus", "audio/ogg",
      "flac", "audio/flac",
      "m4a", "audio/mp4",
      "wav", "audio/wav");

  private AudioFormats() {}

  /** The lower-case extension of a file name, or "" when it has none. */
  public static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  public static boolean isAudio(String fileName) {
    return CONTENT_TYPES.containsKey(extension(fileName));
  }

  public static Optional<String> contentType(String fileName) {
    return Optional.ofNullable(CONTENT_TYPES.get(extension(fileName)));
  }
}
