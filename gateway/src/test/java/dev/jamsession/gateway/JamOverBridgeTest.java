package dev.jamsession.gateway;

import static dev.jamsession.gateway.BridgeReplies.ok;
import static dev.jamsession.gateway.BridgeReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.gateway.JamServer.Member;
import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole protocol end to end: real gateway and session-service in separate Vert.x instances
 * on a loopback Hazelcast cluster, clients speaking raw bridge frames over WebSocket.
 */
class JamOverBridgeTest {
  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of("DISCONNECT_GRACE", "60000", "RATE_LIMIT_MAX", "100000"));

  static JsonObject add(Member m, int song) throws Exception {
    return m.add(server.songId(song));
  }

  static List<String> queueSongIds(JsonObject queueHolder) {
    return queueHolder.getJsonArray("queue").stream()
        .map(i -> ((JsonObject) i).getJsonObject("song").getString("id")).toList();
  }

  /** The latest event of a type this member saw, waiting for one with rev >= minRev. */
  static JsonObject eventAtLeast(Member m, String type, long minRev) throws Exception {
    return m.client().await(f -> f.getValue("body") instanceof JsonObject b && type.equals(b.getString("type"))
        && b.getLong("rev", 0L) >= minRev).getJsonObject("body");
  }

  @Test
  void aJamFromCreationToEnd() throws Exception {
    JsonObject created = server.create("Ana");
    String code = created.getString("sessionCode");
    assertThat(code).matches("[A-Z0-9]{6}");
    assertThat(created.getString("hostToken")).hasSizeGreaterThanOrEqualTo(22);

    Member ana = server.join(code.toLowerCase(), "Ana", created.getString("hostToken"));
    assertThat(ana.snapshot().getJsonObject("you").getBoolean("isHost")).isTrue();
    Member ben = server.join(code, "Ben", null);
    Member cy = server.join(code, "Cy", null);
    assertThat(ben.snapshot().getJsonObject("you").getBoolean("isHost")).isFalse();
    assertThat(eventAtLeast(ana, "participant-joined", 0).getJsonObject("data").getString("hostId")).isEqualTo(ana.id());

    // Add: the first song starts at once (autoPlay), the rest queue in order.
    ok(add(ana, 0));
    JsonObject b1 = ok(add(ben, 1)).getJsonObject("item");
    JsonObject c2 = ok(add(cy, 2)).getJsonObject("item");
    assertThat(b1.getString("addedBy")).isEqualTo("Ben");
    assertThat(b1.getString("addedById")).isEqualTo(ben.id());

    // Votes reorder the queue for everyone.
    JsonObject voted = ok(ana.send("jam.vote", new JsonObject().put("itemId", c2.getString("id")).put("value", 1)));
    assertThat(voted.getJsonObject("item").getInteger("score")).isEqualTo(1);
    long voteRev = ok(ana.send("jam.snapshot", null)).getLong("rev");
    for (Member m : List.of(ana, ben, cy)) {
      JsonObject event = eventAtLeast(m, "queue-updated", voteRev);
      assertThat(queueSongIds(event.getJsonObject("data")))
          .containsExactly(server.songId(2), server.songId(1));
    }

    // Remove: not someone else's, yes your own, and the host may remove anything.
    refused(cy.send("jam.remove-from-queue", new JsonObject().put("itemId", b1.getString("id"))), "NOT_OWNER");
    JsonObject c3 = ok(add(cy, 3)).getJsonObject("item");
    ok(cy.send("jam.remove-from-queue", new JsonObject().put("itemId", c3.getString("id"))));
    JsonObject c4 = ok(add(cy, 4)).getJsonObject("item");
    ok(ana.send("jam.remove-from-queue", new JsonObject().put("itemId", c4.getString("id"))));

    // Play next: host only; all three see the same now-playing.
    refused(ben.send("jam.play-next", null), "NOT_HOST");
    JsonObject current = ok(ana.send("jam.play-next", null)).getJsonObject("current");
    assertThat(current.getJsonObject("song").getString("id")).isEqualTo(server.songId(2));
    long playRev = ok(ana.send("jam.snapshot", null)).getLong("rev");
    for (Member m : List.of(ana, ben, cy)) {
      assertThat(eventAtLeast(m, "now-playing", playRev).getJsonObject("data").getJsonObject("current").getString("id"))
          .isEqualTo(current.getString("id"));
    }

    // Playback: the host seeks and pauses; a guest may not until the host allows it.
    JsonObject playback = ok(ana.send("jam.playback-update", new JsonObject().put("isPlaying", false).put("positionMs", 5000)))
        .getJsonObject("playback");
    assertThat(playback.getBoolean("isPlaying")).isFalse();
    assertThat(playback.getLong("positionMs")).isEqualTo(5000);
    refused(ben.send("jam.playback-update", new JsonObject().put("isPlaying", true)), "NOT_HOST");
    refused(ana.send("jam.playback-update", new JsonObject().put("positionMs", 99_999_999)), "INVALID_INPUT");
    JsonObject settings = ok(ana.send("jam.update-settings", new JsonObject().put("guestsControlPlayback", true)))
        .getJsonObject("settings");
    assertThat(settings.getBoolean("guestsControlPlayback")).isTrue();
    ok(ben.send("jam.playback-update", new JsonObject().put("isPlaying", true)));
    refused(ben.send("jam.update-settings", new JsonObject().put("autoPlay", false)), "NOT_HOST");

    // Vote to skip: 2 of 3 connected participants with the default threshold 0.5.
    JsonObject skip = ok(ben.send("jam.vote-skip", new JsonObject().put("value", true))).getJsonObject("skipVotes");
    assertThat(skip.getInteger("count")).isEqualTo(1);
    assertThat(skip.getInteger("needed")).isEqualTo(2);
    ok(cy.send("jam.vote-skip", new JsonObject().put("value", true)));
    JsonObject snap = ok(ben.send("jam.snapshot", null));
    assertThat(snap.getJsonObject("current").getJsonObject("song").getString("id")).isEqualTo(server.songId(1));
    assertThat(snap.getJsonArray("history").getJsonObject(0).getJsonObject("song").getString("id"))
        .isEqualTo(server.songId(2));

    // Kick: the kicked guest is told, stops getting events and cannot act any more.
    refused(ben.send("jam.kick", new JsonObject().put("participantId", cy.id())), "NOT_HOST");
    refused(ana.send("jam.kick", new JsonObject().put("participantId", "p-nobody")), "NOT_FOUND");
    ok(ana.send("jam.kick", new JsonObject().put("participantId", cy.id())));
    JsonObject left = cy.client().awaitEvent("participant-left").getJsonObject("data");
    assertThat(left.getString("reason")).isEqualTo("kicked");
    assertThat(left.getJsonObject("participant").getString("id")).isEqualTo(cy.id());
    refused(cy.send("jam.snapshot", null), "NOT_JOINED");
    BridgeClient cyAgain = server.connect();
    refused(cyAgain.request("jam.join-session", new JsonObject().put("code", code).put("resumeToken", cy.resumeToken())),
        "INVALID_TOKEN");

    // Transfer host, then the new host leaves: the role goes to the earliest connected (Ana).
    ok(ana.send("jam.transfer-host", new JsonObject().put("participantId", ben.id())));
    assertThat(eventAtLeast(ana, "host-changed", 0).getJsonObject("data").getString("hostId")).isEqualTo(ben.id());
    refused(ana.send("jam.play-next", null), "NOT_HOST");
    ok(ben.send("jam.leave-session", null));
    JsonObject afterLeave = ok(ana.send("jam.snapshot", null));
    assertThat(afterLeave.getString("hostId")).isEqualTo(ana.id());
    assertThat(afterLeave.getJsonObject("you").getBoolean("isHost")).isTrue();

    // End: everyone left is told, and the jam is gone from REST.
    ok(ana.send("jam.end-session", null));
    assertThat(ana.client().awaitEvent("session-ended").getJsonObject("data").getString("reason")).isEqualTo("host-ended");
    assertThat(server.get("/api/jam/session/" + code).statusCode()).isEqualTo(404);
    refused(ana.send("jam.snapshot", null), "NOT_JOINED");
  }

  @Test
  void recommendationsCheckTheirInputAndSayWhenNoRecommenderRuns() throws Exception {
    JsonObject created = server.create("Ana");
    Member ana = server.join(created.getString("sessionCode"), "Ana", created.getString("hostToken"));
    refused(ana.send("jam.get-recommendations", new JsonObject().put("limit", 0)), "INVALID_INPUT");
    refused(ana.send("jam.get-recommendations", new JsonObject().put("limit", "ten")), "INVALID_INPUT");
    // This cluster runs no recommender-service: the answer says so instead of hanging.
    refused(ana.send("jam.get-recommendations", new JsonObject().put("limit", 5)), "UNAVAILABLE");
  }

  @Test
  void anAbruptDisconnectResumesAsTheSameParticipantWithTheHostRole() throws Exception {
    Member ana = server.hostOfNewJam("Ana");
    String code = ana.code();
    Member ben = server.join(code, "Ben", null);
    ok(add(ana, 5));
    JsonObject item = ok(add(ana, 6)).getJsonObject("item");
    ok(ana.send("jam.vote", new JsonObject().put("itemId", item.getString("id")).put("value", -1)));

    ana.client().kill();
    JsonObject updated = ben.client().await(f -> f.getValue("body") instanceof JsonObject b
        && "participant-updated".equals(b.getString("type"))
        && !b.getJsonObject("data").getJsonObject("participant").getBoolean("connected")).getJsonObject("body");
    assertThat(updated.getJsonObject("data").getJsonObject("participant").getString("id")).isEqualTo(ana.id());

    Member back = server.join(server.connect(), new JsonObject().put("code", code).put("resumeToken", ana.resumeToken()));
    assertThat(back.id()).isEqualTo(ana.id());
    JsonObject you = back.snapshot().getJsonObject("you");
    assertThat(you.getBoolean("isHost")).isTrue();
    assertThat(you.getJsonObject("votes").getInteger(item.getString("id"))).isEqualTo(-1);
    assertThat(back.snapshot().getJsonArray("participants")).hasSize(2);
    ok(back.send("jam.play-next", null)); // still the host
  }

  @Test
  void theSnapshotEqualsTheStateRebuiltFromEvents() throws Exception {
    Member ana = server.hostOfNewJam("Ana");
    String code = ana.code();
    Member watcher = server.join(code, "Watcher", null);
    Map<String, Object> model = new HashMap<>(watcher.snapshot().getMap());
    Map<String, Long> fieldRev = new HashMap<>();
    long start = watcher.snapshot().getLong("rev");

    Member ben = server.join(code, "Ben", null);
    for (int i = 10; i < 16; i++) {
      ok(add(i % 2 == 0 ? ana : ben, i));
    }
    JsonArray queue = ok(ana.send("jam.snapshot", null)).getJsonArray("queue");
    ok(ben.send("jam.vote", new JsonObject().put("itemId", queue.getJsonObject(3).getString("id")).put("value", 1)));
    ok(ana.send("jam.play-next", null));
    ok(ana.send("jam.update-settings", new JsonObject().put("skipThreshold", 1.0)));
    ok(ben.send("jam.vote-skip", new JsonObject().put("value", true)));
    ok(ben.send("jam.leave-session", null));
    JsonObject last = ok(ana.send("jam.snapshot", null));
    long finalRev = last.getLong("rev");
    watcher.client().await(f -> f.getValue("body") instanceof JsonObject b && b.getLong("rev", 0L) == finalRev);

    for (JsonObject event : watcher.client().events()) {
      long rev = event.getLong("rev");
      if (rev <= start) {
        continue;
      }
      event.getJsonObject("data").forEach(e -> {
        if (last.containsKey(e.getKey()) && rev > fieldRev.getOrDefault(e.getKey(), start)) {
          model.put(e.getKey(), e.getValue());
          fieldRev.put(e.getKey(), rev);
        }
      });
    }
    JsonObject rebuilt = new JsonObject(model);
    JsonObject truth = ok(watcher.send("jam.snapshot", null));
    for (String field : List.of("hostId", "participants", "queue", "current", "playback", "settings", "history", "skipVotes")) {
      assertThat(rebuilt.getValue(field)).as(field).isEqualTo(truth.getValue(field));
    }
  }
}
