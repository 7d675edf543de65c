package dev.jamsession.catalog.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamsession.core.catalog.Song;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CATALOG_FILE: songs of an existing music app, each with its own audioUrl, as a JSON array or
 * as {@code {"songs": [...]}}. Everything is checked at start-up, so a typo stops the server
 * with the entry and field at fault instead of failing later for some listener.
 */
public final class CatalogFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogFile() {}

  /** The songs of a catalog file, and the cover URLs its entries give ({@code artUrl}) by song id. */
  public record Loaded(List<Song> songs, Map<String, String> artUrls) {}

  /** @throws CatalogFileException listing what is wrong, entry by entry */
  public static List<Song> read(Path file) {
    return load(file).songs();
  }

  /** @throws CatalogFileException listing what is wrong, entry by entry */
  public static Loaded load(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw fail(file, "not valid JSON: " + e.getOriginalMessage() + location(e));
    } catch (IOException e) {
      throw fail(file, "cannot be read: " + e.getMessage());
    }
    JsonNode entries = root != null && root.isObject() ? root.get("songs") : root;
    if (entries == null || !entries.isArray()) {
      throw fail(file, "expected a JSON array of songs, or an object {\"songs\": [...]}");
    }
    return songs(file, entries);
  }

  private static Loaded songs(Path file, JsonNode entries) {
    List<String> problems = new ArrayList<>();
    List<Song> songs = new ArrayList<>();
    Map<String, String> artUrls = new HashMap<>();
    Map<String, Integer> firstIndexOfId = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      SongEntry entry = new SongEntry(i, entries.get(i));
      Song song = entry.toSong();
      problems.addAll(entry.problems());
      if (song == null) {
        continue;
      }
      Integer first = firstIndexOfId.putIfAbsent(song.id(), i);
      if (first != null) {
        problems.add(entry.where() + ": id \"" + song.id() + "\" is already used by songs["
            + first + "]");
      } else {
        songs.add(song);
        if (entry.artUrl() != null) {
          artUrls.put(song.id(), entry.artUrl());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogFileException(file.toString(), problems);
    }
    return new Loaded(List.copyOf(songs), Map.copyOf(artUrls));
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static CatalogFileException fail(Path file, String problem) {
    return new CatalogFileException(file.toString(), List.of(problem));
  }
}
