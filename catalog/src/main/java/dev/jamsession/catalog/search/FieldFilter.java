package dev.jamsession.catalog.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact filter on one field (genre, artist): the whole value must match, ignoring case,
 * accents and punctuation ("hip hop" selects "Hip-Hop", "the band" does not select "The Band 2").
 */
final class FieldFilter {

  /** The query did not ask for this filter. */
  static final int ANY = -1;
  /** The query asked for a value no song has. */
  static final int NONE = -2;

  private final Map<String, Integer> ids;
  private final int[] valueOfSong;
  private final int[][] songsOfValue;

  /** @param keys each song's value, already through {@link TextFold#key} */
  FieldFilter(String[] keys) {
    Map<String, Integer> ids = new HashMap<>();
    List<List<Integer>> members = new ArrayList<>();
    valueOfSong = new int[keys.length];
    for (int s = 0; s < keys.length; s++) {
      String key = keys[s];
      Integer id = ids.get(key);
      if (id == null) {
        id = members.size();
        ids.put(key, id);
        members.add(new ArrayList<>());
      }
      valueOfSong[s] = id;
      members.get(id).add(s);
    }
    this.ids = ids;
    songsOfValue = new int[members.size()][];
    for (int v = 0; v < members.size(); v++) {
      songsOfValue[v] = members.get(v).stream().mapToInt(x -> x).toArray();
    }
  }

  /** The value id a query asks for: ANY when blank, NONE when no song has it. */
  int resolve(String value) {
    if (value == null || value.isBlank()) {
      return ANY;
    }
    return ids.getOrDefault(TextFold.key(value), NONE);
  }

  boolean accepts(int song, int value) {
    return value == ANY || valueOfSong[song] == value;
  }

  /** Songs with this value, ascending; only for a resolved value (not ANY or NONE). */
  int[] songs(int value) {
    return songsOfValue[value];
  }
}
