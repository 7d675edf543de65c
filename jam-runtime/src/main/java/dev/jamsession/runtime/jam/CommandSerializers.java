package dev.jamsession.runtime.jam;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.Command;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Compact schema of each command: commands travel inside the processor to a jam's owner.
 * Each is its record's components ({@link RecordCompact}); two components have a form of their
 * own.
 */
final class CommandSerializers {
  private CommandSerializers() {}

  static List<CompactSerializer<?>> all() {
    List<CompactSerializer<?>> all = new ArrayList<>();
    for (Class<?> type : Command.class.getPermittedSubclasses()) {
      if (type == Command.QueuePlaylist.class) {
        all.add(RecordCompact.of(Command.QueuePlaylist.class, "songs",
            new RecordCompact.Field(CommandSerializers::writePlaylistSongs, CommandSerializers::readPlaylistSongs)));
      } else if (type == Command.UpdateSettings.class) {
        // The patch holds only checked settings (booleans, numbers, a list of genres, a mood id or
        // null): JSON keeps their value types.
        all.add(RecordCompact.of(Command.UpdateSettings.class, "patch", new RecordCompact.Field(
            (w, patch) -> w.writeString("patch", new JsonObject(asPatch(patch)).encode()),
            r -> new JsonObject(r.readString("patch")).getMap())));
      } else {
        all.add(RecordCompact.of(type.asSubclass(Record.class)));
      }
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asPatch(Object patch) {
    return (Map<String, Object>) patch;
  }

  /**
   * A queued playlist's songs as the known ones plus the positions of those the catalog no
   * longer has (null entries), so the order of the skips survives; {@code found} false: no such
   * playlist.
   */
  private static void writePlaylistSongs(CompactWriter w, Object value) {
    List<?> songs = (List<?>) value;
    w.writeBoolean("found", songs != null);
    List<Song> known = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    if (songs != null) {
      for (int i = 0; i < songs.size(); i++) {
        Song song = (Song) songs.get(i);
        if (song == null) {
          missing.add(i);
        } else {
          known.add(song);
        }
      }
    }
    w.writeArrayOfCompact("songs", known.toArray(new Song[0]));
    w.writeArrayOfInt32("missing", missing.stream().mapToInt(Integer::intValue).toArray());
  }

  private static List<Song> readPlaylistSongs(CompactReader r) {
    if (!r.readBoolean("found")) {
      return null;
    }
    Song[] known = r.readArrayOfCompact("songs", Song.class);
    int[] missing = r.readArrayOfInt32("missing");
    List<Song> songs = new ArrayList<>(known.length + missing.length);
    int k = 0;
    int m = 0;
    for (int i = 0; i < known.length + missing.length; i++) {
      if (m < missing.length && missing[m] == i) {
        songs.add(null);
        m++;
      } else {
        songs.add(known[k++]);
      }
    }
    return songs;
  }
}
