package dev.jamsession.catalog.folder;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * Reads title, artist, album, genre, year and length from an audio file: jaudiotagger for
 * MP3, Ogg Vorbis, FLAC, M4A and WAV, {@link OggOpus} for Opus. Throws when the file is not
 * the audio its extension claims or is too broken to read.
 */
final class TagReader {

  /**
   * jaudiotagger logs every oddity through java.util.logging; the scanner reports instead.
   * Held in a field because java.util.logging forgets the level of a collected logger.
   */
  private static final java.util.logging.Logger JAUDIOTAGGER_LOG = quiet();
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern GENRE_ID = Pattern.compile("\\(?(\\d{1,3})\\)?(.*)");

  TrackTags read(Path file) throws Exception {
    String ext = AudioFormats.extension(file.getFileName().toString());
    if (ext.equals("opus") || (ext.equals("ogg") && OggOpus.isOpus(file))) {
      return clean(OggOpus.read(file));
    }
    AudioFile audio = AudioFileIO.read(file.toFile());
    long durationMs = Math.round(audio.getAudioHeader().getPreciseTrackLength() * 1000);
    Tag tag = audio.getTag();
    if (tag == null) {
      return new TrackTags(null, null, null, null, null, durationMs);
    }
    String artist = field(tag, FieldKey.ARTIST);
    if (artist == null) {
      artist = field(tag, FieldKey.ALBUM_ARTIST);
    }
    return clean(new TrackTags(field(tag, FieldKey.TITLE), artist, field(tag, FieldKey.ALBUM),
        genre(field(tag, FieldKey.GENRE)), year(field(tag, FieldKey.YEAR)), durationMs));
  }

  private static TrackTags clean(TrackTags t) {
    return new TrackTags(Text.clean(t.title()), Text.clean(t.artist()), Text.clean(t.album()),
        Text.clean(t.genre()), t.year(), t.durationMs());
  }

  /** One field; tag formats that lack a field throw rather than return empty. */
  private static String field(Tag tag, FieldKey key) {
    try {
      String value = tag.getFirst(key);
      return value == null || value.isBlank() ? null : value;
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Integer year(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = YEAR.matcher(value);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** ID3 genres may be numbers into the ID3v1 list: "(17)", "17" or "(17)Rock". */
  static String genre(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = GENRE_ID.matcher(value.trim());
    if (m.matches()) {
      String rest = m.group(2).trim();
      if (!rest.isEmpty()) {
        return rest;
      }
      return GenreTypes.getInstanceOf().getValueForId(Integer.parseInt(m.group(1)));
    }
    return value;
  }

  static java.util.logging.Logger quiet() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.jaudiotagger");
    logger.setLevel(Level.OFF);
    return logger;
  }
}
