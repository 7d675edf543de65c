package dev.jamsession.runtime.jam;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.DerivedIds;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.JamEngine;
import dev.jamsession.core.domain.Settings;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JamSerializationTest {
  @Test
  void everyCommandHasASchema() {
    Set<Class<?>> registered = JamSerialization.serializers().stream()
        .map(CompactSerializer::getCompactClass).collect(Collectors.toSet());
    assertThat(registered).containsAll(Arrays.asList(Command.class.getPermittedSubclasses()));
    assertThat(JamSerialization.serializers()).extracting(CompactSerializer::getTypeName).doesNotHaveDuplicates();
  }

  /** A jam with something in every field goes to the other member (its owner) and back intact. */
  @Test
  void aJamAndItsCommandsCrossMembersIntact() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      JamNode a = cluster.start(JamNode.Role.DATA);
      cluster.start(JamNode.Role.DATA);
      String code = "SER123";
      Song song = new Song("s1", "Title", "Artist", "Album", "rock", 1999, 200_000, "/a/s1",
          new AudioFeatures(120, 0.5, 0.4, 0.3, 0.2), 0.7);
      // Every party rule set away from its default, so each field has to survive the trip.
      Settings party = Settings.defaults(50).apply(Map.of("guestsCanAdd", false, "maxSongsPerPerson", 3,
          "maxSongDurationMs", 600_000, "blockedGenres", java.util.List.of("polka"), "fairQueue", true,
          "reactions", false, "skipMaxVotes", 4, "mood", "chill"));
      Jam jam = Jam.create(code, "Host", "host-token", party, 1_000);
      JamEngine engine = new JamEngine(new DerivedIds(new byte[32], code));
      for (Command c : new Command[] {
          new Command.Join("Host", "host-token", null, "gw/1"),
          new Command.Join("Guest", null, null, "gw/2")}) {
        jam = engine.apply(jam, c, 1_000).jam();
      }
      String host = jam.hostId();
      String guest = jam.participants().get(1).id();
      jam = engine.apply(jam, new Command.AddToQueue(host, "s1", song), 1_000).jam();
      jam = engine.apply(jam, new Command.AddToQueue(host, "s2", new Song("s2", "T", "A", "B", "pop", 2001, 1_000, "/a/s2", null, 0.5)), 1_000).jam();
      jam = engine.apply(jam, new Command.Tracked(guest, "r1", new Command.Vote(guest, jam.queue().get(0).id(), -1)), 1_000).jam();
      jam = engine.apply(jam, new Command.VoteSkip(guest, true), 2_000).jam(); // s1 to history, s2 (voted) plays
      assertThat(jam.history()).singleElement().satisfies(h -> assertThat(h.skippedBy()).containsExactly(guest));
      assertThat(jam.current().votes()).containsEntry(guest, -1);

      a.jams().set(code, jam);
      assertThat(a.jams().get(code)).isEqualTo(jam);
      assertThat(a.jams().get(code).current().round()).isEqualTo(1);
      assertThat(a.jams().get(code).participants().get(0).songsAdded()).isEqualTo(2);

      CommandResult result = a.jams().executeOnKey(code, JamProcessor.of(new Command.Tracked(host, "r2",
          new Command.UpdateSettings(host, Map.of("maxQueueSize", 10, "allowVoting", false,
              "blockedGenres", java.util.List.of("polka", "Metal"), "mood", "focus"))), 3_000));
      assertThat(result.isRefused()).isFalse();
      assertThat(new JsonObject(io.vertx.core.buffer.Buffer.buffer(result.reply())).getJsonObject("settings").getInteger("maxQueueSize"))
          .isEqualTo(10);
      assertThat(result.events()).singleElement().satisfies(e ->
          assertThat(new JsonObject(io.vertx.core.buffer.Buffer.buffer(e.json())).fieldNames()).containsExactly("type", "rev", "data"));
      assertThat(a.jams().get(code).settings().maxQueueSize()).isEqualTo(10);
      assertThat(a.jams().get(code).settings().blockedGenres()).containsExactly("polka", "Metal");
      assertThat(a.jams().get(code).settings().mood()).isEqualTo("focus");
      Map<String, Object> noMood = new java.util.HashMap<>();
      noMood.put("mood", null); // a null in the patch crosses as null, not as a missing field
      a.jams().executeOnKey(code, JamProcessor.of(new Command.UpdateSettings(host, noMood), 3_100));
      assertThat(a.jams().get(code).settings().mood()).isNull();
      // A reaction and a screen's look run on the owner and change nothing.
      CommandResult reaction = a.jams().executeOnKey(code, JamProcessor.of(new Command.React(guest, "🔥"), 3_500));
      assertThat(reaction.refusal()).isEqualTo(dev.jamsession.core.protocol.ErrorCode.NOT_ALLOWED); // reactions off
      CommandResult screen = a.jams().executeOnKey(code, JamProcessor.of(new Command.Watch(), 3_500));
      assertThat(new JsonObject(io.vertx.core.buffer.Buffer.buffer(screen.reply())).containsKey("you")).isFalse();
      assertThat(a.jams().aggregate(new JamStatsAggregator())).isEqualTo(new JamStats(1, 2, 2, 0, 1));
      assertThat(a.jams().executeOnKey(code, new JamCensus())).isEqualTo(new JamStats(1, 2, 2, 0, 1));

      // A queued playlist keeps its order and the places of the songs the catalog lost (null).
      Song s3 = new Song("s3", "T3", "A3", "B", "pop", 2001, 1_000, "/a/s3", null, 0.5);
      Song s4 = new Song("s4", "T4", "A4", "B", "pop", 2001, 1_000, "/a/s4", null, 0.5);
      CommandResult queued = a.jams().executeOnKey(code, JamProcessor.of(new Command.Tracked(host, "r3",
          new Command.QueuePlaylist(host, "pl-1", java.util.Arrays.asList(s4, null, s3, s4))), 4_000));
      assertThat(queued.isRefused()).isFalse();
      JsonObject counts = new JsonObject(io.vertx.core.buffer.Buffer.buffer(queued.reply()));
      assertThat(counts.getInteger("added")).isEqualTo(2);
      assertThat(counts.getInteger("skipped")).isEqualTo(2);
      assertThat(a.jams().get(code).queue()).extracting(i -> i.song().id()).containsExactly("s4", "s3");
    }
  }
}
