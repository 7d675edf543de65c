package dev.jamsession.catalog.folder;

import dev.jamsession.catalog.Picture;
import java.nio.file.Path;
import java.util.Optional;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.images.Artwork;

/** The front cover a file's tags carry (ID3 APIC, FLAC/Vorbis picture, MP4 covr), via jaudiotagger. */
final class EmbeddedPicture {
  /** Larger pictures are not served: a cover is shown at most a few hundred pixels wide. */
  private static final int MAX_BYTES = 4 * 1024 * 1024;
  /** jaudiotagger logs every oddity; held so java.util.logging keeps the level (see TagReader). */
  private static final java.util.logging.Logger JAUDIOTAGGER_LOG = TagReader.quiet();

  private EmbeddedPicture() {}

  static Optional<Picture> read(Path file) {
    try {
      Tag tag = AudioFileIO.read(file.toFile()).getTag();
      Artwork art = tag == null ? null : tag.getFirstArtwork();
      byte[] data = art == null ? null : art.getBinaryData();
      if (data == null || data.length == 0 || data.length > MAX_BYTES) {
        return Optional.empty();
      }
      String type = sniff(data);
      return type == null ? Optional.empty() : Optional.of(new Picture(type, data));
    } catch (Exception | LinkageError e) {
      // Opus, broken or vanished files: the caller draws a cover instead.
      return Optional.empty();
    }
  }

  /** The type from the bytes themselves: tags often state none, or a wrong one. */
  static String sniff(byte[] d) {
    if (d.length > 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8) {
      return "image/jpeg";
    }
    if (d.length > 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
      return "image/png";
    }
    return null;
  }
}
