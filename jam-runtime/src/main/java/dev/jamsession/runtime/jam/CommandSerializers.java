package dev.jamsession.runtime.jam;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.Command;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The Compact schema of each command: commands travel inside the processor to a jam's owner. */
final class CommandSerializers {
  private CommandSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(
        Compact.of(Command.Via.class,
            r -> new Command.Via(r.readString("connectionId"), r.readCompact("command")),
            (w, c) -> {
              w.writeString("connectionId", c.connectionId());
              w.writeCompact("command", c.command());
            }),
        Compact.of(Command.Tracked.class,
            r -> new Command.Tracked(r.readString("owner"), r.readString("requestId"), r.readCompact("command")),
            (w, c) -> {
              w.writeString("owner", c.owner());
              w.writeString("requestId", c.requestId());
              w.writeCompact("command", c.command());
            }),
        Compact.of(Command.Invalid.class,
            r -> new Command.Invalid(r.readString("actor"), r.readString("message")),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeString("message", c.message());
            }),
        Compact.of(Command.Join.class,
            r -> new Command.Join(r.readString("userName"), r.readString("hostToken"),
                r.readString("resumeToken"), r.readString("connectionId")),
            (w, c) -> {
              w.writeString("userName", c.userName());
              w.writeString("hostToken", c.hostToken());
              w.writeString("resumeToken", c.resumeToken());
              w.writeString("connectionId", c.connectionId());
            }),
        Compact.of(Command.Leave.class, r -> new Command.Leave(r.readString("actor")),
            (w, c) -> w.writeString("actor", c.actor())),
        Compact.of(Command.AddToQueue.class,
            r -> new Command.AddToQueue(r.readString("actor"), r.readString("songId"), r.readCompact("song")),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeString("songId", c.songId());
              w.writeCompact("song", c.song());
            }),
        Compact.of(Command.QueuePlaylist.class, CommandSerializers::readQueuePlaylist,
            CommandSerializers::writeQueuePlaylist),
        Compact.of(Command.Vote.class,
            r -> new Command.Vote(r.readString("actor"), r.readString("itemId"), r.readInt32("value")),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeString("itemId", c.itemId());
              w.writeInt32("value", c.value());
            }),
        Compact.of(Command.RemoveFromQueue.class,
            r -> new Command.RemoveFromQueue(r.readString("actor"), r.readString("itemId")),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeString("itemId", c.itemId());
            }),
        Compact.of(Command.PlayNext.class, r -> new Command.PlayNext(r.readString("actor")),
            (w, c) -> w.writeString("actor", c.actor())),
        Compact.of(Command.PlaybackUpdate.class,
            r -> new Command.PlaybackUpdate(r.readString("actor"), r.readNullableBoolean("isPlaying"),
                r.readNullableInt64("positionMs")),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeNullableBoolean("isPlaying", c.isPlaying());
              w.writeNullableInt64("positionMs", c.positionMs());
            }),
        Compact.of(Command.VoteSkip.class,
            r -> new Command.VoteSkip(r.readString("actor"), r.readBoolean("value")),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeBoolean("value", c.value());
            }),
        // The patch holds only checked settings (booleans, numbers, a list of genres, a mood id or
        // null): JSON keeps their value types, null included.
        Compact.of(Command.UpdateSettings.class,
            r -> new Command.UpdateSettings(r.readString("actor"), new JsonObject(r.readString("patch")).getMap()),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeString("patch", new JsonObject(c.patch()).encode());
            }),
        Compact.of(Command.Kick.class,
            r -> new Command.Kick(r.readString("actor"), r.readString("target")),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeString("target", c.target());
            }),
        Compact.of(Command.TransferHost.class,
            r -> new Command.TransferHost(r.readString("actor"), r.readString("target")),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeString("target", c.target());
            }),
        Compact.of(Command.EndSession.class, r -> new Command.EndSession(r.readString("actor")),
            (w, c) -> w.writeString("actor", c.actor())),
        Compact.of(Command.Snapshot.class, r -> new Command.Snapshot(r.readString("actor")),
            (w, c) -> w.writeString("actor", c.actor())),
        Compact.of(Command.React.class,
            r -> new Command.React(r.readString("actor"), r.readString("emoji")),
            (w, c) -> {
              w.writeString("actor", c.actor());
              w.writeString("emoji", c.emoji());
            }),
        Compact.of(Command.Watch.class, r -> new Command.Watch(), (w, c) -> { }),
        Compact.of(Command.Disconnect.class, r -> new Command.Disconnect(r.readString("connectionId")),
            (w, c) -> w.writeString("connectionId", c.connectionId())),
        Compact.of(Command.GatewayLost.class, r -> new Command.GatewayLost(r.readString("gatewayId")),
            (w, c) -> w.writeString("gatewayId", c.gatewayId())),
        Compact.of(Command.Autofill.class, r -> new Command.Autofill(r.readCompact("song")),
            (w, c) -> w.writeCompact("song", c.song())),
        Compact.of(Command.Tick.class, r -> new Command.Tick(r.readInt64("graceMs")),
            (w, c) -> w.writeInt64("graceMs", c.graceMs())),
        Compact.of(Command.Expire.class,
            r -> new Command.Expire(r.readInt64("idleBefore"), r.readInt64("graceMs")),
            (w, c) -> {
              w.writeInt64("idleBefore", c.idleBefore());
              w.writeInt64("graceMs", c.graceMs());
            }));
  }

  /**
   * A queued playlist's songs as the known ones plus the positions of those the catalog no
   * longer has (null entries), so the order of the skips survives; {@code found} false: no such
   * playlist.
   */
  private static void writeQueuePlaylist(com.hazelcast.nio.serialization.compact.CompactWriter w,
                                         Command.QueuePlaylist c) {
    w.writeString("actor", c.actor());
    w.writeString("playlistId", c.playlistId());
    w.writeBoolean("found", c.songs() != null);
    List<Song> known = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    if (c.songs() != null) {
      for (int i = 0; i < c.songs().size(); i++) {
        Song song = c.songs().get(i);
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

  private static Command.QueuePlaylist readQueuePlaylist(com.hazelcast.nio.serialization.compact.CompactReader r) {
    String actor = r.readString("actor");
    String playlistId = r.readString("playlistId");
    if (!r.readBoolean("found")) {
      return new Command.QueuePlaylist(actor, playlistId, null);
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
    return new Command.QueuePlaylist(actor, playlistId, songs);
  }
}
