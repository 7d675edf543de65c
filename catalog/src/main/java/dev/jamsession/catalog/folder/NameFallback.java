package dev.jamsession.catalog.folder;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Fills in what tags leave out from the usual layout {@code Artist/Album/01 - Title.mp3}:
 * the file name gives the title (without track number, or "Artist - Title"), the folders give
 * album and artist.
 */
final class NameFallback {

  static final String UNKNOWN_ARTIST = "Unknown Artist";
  static final String UNKNOWN_ALBUM = "Unknown Album";
  static final String UNKNOWN_GENRE = "Unknown";
  private static final Pattern TRACK_NUMBER = Pattern.compile("^(\\d{1,2}-)?\\d{1,3}(\\s*[-._)]\\s*|\\s+)");

  private NameFallback() {}

  /** Tags completed from the path, given as its names below the music folder. */
  static TrackTags complete(TrackTags tags, List<String> relativePath) {
    String fileName = relativePath.get(relativePath.size() - 1);
    String name = stripExtension(fileName).replace('_', ' ');
    String nameArtist = null;
    String nameTitle = TRACK_NUMBER.matcher(name).replaceFirst("");
    int dash = nameTitle.indexOf(" - ");
    if (dash > 0) {
      nameArtist = nameTitle.substring(0, dash);
      nameTitle = nameTitle.substring(dash + 3);
    }
    String folderAlbum = null;
    String folderArtist = null;
    int depth = relativePath.size() - 1;
    if (depth >= 2) {
      folderArtist = relativePath.get(depth - 2);
      folderAlbum = relativePath.get(depth - 1);
    } else if (depth == 1) {
      String folder = relativePath.get(0);
      int split = folder.indexOf(" - ");
      folderArtist = split > 0 ? folder.substring(0, split) : null;
      folderAlbum = split > 0 ? folder.substring(split + 3) : folder;
    }
    String title = first(tags.title(), nameTitle, name, fileName);
    String artist = first(tags.artist(), folderArtist, nameArtist, UNKNOWN_ARTIST);
    String album = first(tags.album(), folderAlbum, UNKNOWN_ALBUM);
    String genre = first(tags.genre(), UNKNOWN_GENRE);
    return new TrackTags(title, artist, album, genre, tags.year(), tags.durationMs());
  }

  private static String stripExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      String clean = Text.clean(c);
      if (clean != null) {
        return clean;
      }
    }
    return null;
  }
}
