package dev.jamsession.gateway;

import static dev.jamsession.gateway.BridgeReplies.ok;
import static dev.jamsession.gateway.BridgeReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-gateway fan-out (docs/ARCHITECTURE.md, "The fan-out path") through real sockets on two
 * gateways and two session members: every member gets every event of its jam once, in rev
 * order; membership ends delivery; a socket that stops reading is closed without slowing the
 * others, and resumes as the same participant.
 */
class FanoutTest {
  @RegisterExtension
  private static final JamServer server = JamServer.perClass(2, 2, Map.of("RATE_LIMIT_MAX", "100000", "WS_RATE_LIMIT_MAX", "100000",
      "WS_IP_RATE_LIMIT_MAX", "100000", "DISCONNECT_GRACE", "60000"));

  private static BridgeClient client(int i) throws Exception {
    return server.connectTo(server.ports.get(i % 2), true);
  }

  @Test
  void everyMemberOnBothGatewaysGetsEveryEventOnceInRevOrder() throws Exception {
    JsonObject jam = server.create("Host", new JsonObject().put("autoPlay", false));
    String code = jam.getString("sessionCode");
    List<JamServer.Member> members = new ArrayList<>();
    members.add(server.join(client(0), code, "Host", jam.getString("hostToken")));
    for (int i = 1; i < 6; i++) {
      members.add(server.join(client(i), code, "M" + i, null));
    }
    int from = members.get(members.size() - 1).client().events().size();
    // The last join's own event may still be on its way to some: compare what came after it.
    long joinedAt = members.get(members.size() - 1).snapshot().getLong("rev");
    List<Integer> marks = members.stream().map(m -> m.client().events().size()).toList();
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      items.add(ok(members.get(i).add(server.songId(i)))
          .getJsonObject("item").getString("id"));
    }
    for (int round = 0; round < 3; round++) {
      for (int m = 0; m < members.size(); m++) {
        ok(members.get(m).send("jam.vote", new JsonObject()
            .put("itemId", items.get((m + round) % items.size())).put("value", round % 2 == 0 ? 1 : -1)));
      }
    }
    ok(members.get(0).send("jam.play-next", null));
    long finalRev = ok(members.get(0).send("jam.snapshot", null)).getLong("rev");

    List<List<String>> seen = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      BridgeClient c = members.get(m).client();
      c.await(f -> isEvent(f) && f.getJsonObject("body").getLong("rev") == finalRev);
      seen.add(c.events().subList(marks.get(m), c.events().size()).stream()
          .filter(e -> !"subscribed".equals(e.getString("type")) && e.getLong("rev") > joinedAt)
          .map(e -> e.getString("type") + "@" + e.getLong("rev")).toList());
    }
    assertThat(from).isPositive();
    for (int m = 0; m < members.size(); m++) {
      BridgeClient c = members.get(m).client();
      // How many queue-updated events survive coalescing depends on how fast the commands ran;
      // what play-next made is never merged.
      assertThat(seen.get(m)).as("once each").contains("now-playing@" + finalRev).doesNotHaveDuplicates();
      assertThat(seen.get(m)).as("the same events in the same order as the others on its gateway")
          .isEqualTo(seen.get(m % 2));
      assertThat(seen.get(m).stream().filter(FanoutTest::neverMerged).toList())
          .as("every event that is never coalesced, on both gateways").isEqualTo(
              seen.get(0).stream().filter(FanoutTest::neverMerged).toList());
      assertRevOrderPerField(c.events().subList(marks.get(m), c.events().size()));
    }
  }

  /** Coalescible events (§5) may be merged by a session member or the gateway; the others never. */
  private static boolean neverMerged(String typeAtRev) {
    return !typeAtRev.startsWith("queue-updated@") && !typeAtRev.startsWith("playback-updated@")
        && !typeAtRev.startsWith("skip-votes-updated@");
  }

  private static boolean isEvent(JsonObject frame) {
    return "rec".equals(frame.getString("type")) && frame.getString("address", "").startsWith("jam.events.");
  }

  private static void assertRevOrderPerField(List<JsonObject> events) {
    Map<String, Long> last = new HashMap<>();
    for (JsonObject e : events) {
      long rev = e.getLong("rev");
      if ("subscribed".equals(e.getString("type"))) {
        continue;
      }
      for (String field : e.getJsonObject("data").fieldNames()) {
        Long before = last.put(field, rev);
        assertThat(before == null || before <= rev).as(field + " at rev " + rev + " after " + before).isTrue();
      }
    }
  }

  @Test
  void leavingKickedOrEndedMembersReceiveNothingAfterwards() throws Exception {
    JsonObject jam = server.create("Host");
    String code = jam.getString("sessionCode");
    JamServer.Member host = server.join(client(0), code, "Host", jam.getString("hostToken"));
    JamServer.Member leaver = server.join(client(1), code, "Leaver", null);
    JamServer.Member kicked = server.join(client(0), code, "Kicked", null);
    JamServer.Member stayer = server.join(client(1), code, "Stayer", null);

    ok(leaver.send("jam.leave-session", null));
    int leaverMark = leaver.client().events().size();
    ok(host.send("jam.kick", new JsonObject().put("participantId", kicked.id())));
    kicked.client().await(f -> isEvent(f) && "participant-left".equals(f.getJsonObject("body").getString("type"))
        && kicked.id().equals(f.getJsonObject("body").getJsonObject("data").getJsonObject("participant").getString("id")));
    int kickedMark = kicked.client().events().size();

    ok(host.add(server.songId(10)));
    stayer.client().await(f -> isEvent(f) && "queue-updated".equals(f.getJsonObject("body").getString("type")));
    // The kicked connection may not come back in by registering again.
    int errors = kicked.client().frames().size();
    kicked.client().register("jam.events." + code);
    kicked.client().await(errors, f -> "err".equals(f.getString("type")));

    ok(host.send("jam.end-session", null));
    stayer.client().awaitEvent("session-ended");
    int stayerMark = stayer.client().events().size();
    JsonObject after = server.create("Other");
    JamServer.Member probe = server.join(client(1), after.getString("sessionCode"), "Probe", after.getString("hostToken"));
    ok(probe.add(server.songId(11)));
    probe.client().awaitEvent("queue-updated");

    assertThat(leaver.client().events()).hasSize(leaverMark);
    assertThat(kicked.client().events()).hasSize(kickedMark);
    assertThat(stayer.client().events()).hasSize(stayerMark);
    assertThat(stayer.client().events().get(stayerMark - 1).getString("type")).isEqualTo("session-ended");
  }

  /**
   * Issue 11, finding 3 over two gateways: once a participant resumed on gateway B, the socket it
   * had on gateway A is nobody. A command sent on it the moment the resume is answered (before or
   * after A hears of the resume: both orders must hold) is NOT_JOINED and changes nothing.
   */
  @Test
  void aSocketSupersededByAResumeOnTheOtherGatewayIsNotJoinedAndChangesNothing() throws Exception {
    JsonObject jam = server.create("Host", new JsonObject().put("autoPlay", false));
    String code = jam.getString("sessionCode");
    JamServer.Member host = server.join(client(1), code, "Host", jam.getString("hostToken"));
    String item = ok(host.add(server.songId(40)))
        .getJsonObject("item").getString("id");
    for (int round = 0; round < 10; round++) {
      JamServer.Member old = server.join(client(0), code, "Ben" + round, null);
      BridgeClient fresh = client(1);
      ok(fresh.request("jam.join-session", new JsonObject().put("code", code).put("resumeToken", old.resumeToken())));
      io.vertx.core.Future<JsonObject> vote = old.client().requestAsync("jam.vote",
          new JsonObject().put("itemId", item).put("value", 1));
      io.vertx.core.Future<JsonObject> add = old.client().requestAsync("jam.add-to-queue",
          new JsonObject().put("songId", server.songId(41 + round)));
      refused(vote.await(15, TimeUnit.SECONDS), "NOT_JOINED");
      refused(add.await(15, TimeUnit.SECONDS), "NOT_JOINED");
      JsonObject you = ok(fresh.request("jam.snapshot", null)).getJsonObject("you");
      assertThat(you.getString("participantId")).as("round %d", round).isEqualTo(old.id());
      assertThat(you.getJsonObject("votes")).as("round %d: the old socket's vote", round).isEmpty();
    }
    JsonObject after = ok(host.send("jam.snapshot", null));
    assertThat(after.getJsonArray("queue")).as("nothing the old sockets added").hasSize(1);
    assertThat(after.getJsonArray("queue").getJsonObject(0).getInteger("score")).isZero();
  }

  @Test
  void registeringBeforeJoiningOrAnotherJamDeliversNothing() throws Exception {
    JsonObject jam = server.create("Host");
    String code = jam.getString("sessionCode");
    JsonObject other = server.create("Other");
    BridgeClient early = client(0);
    early.register("jam.events." + code);
    early.await(f -> "err".equals(f.getString("type")) && "rejected".equals(f.getString("body")));
    JamServer.Member host = server.join(client(1), code, "Host", jam.getString("hostToken"));
    JamServer.Member elsewhere = server.join(client(0), other.getString("sessionCode"), "Elsewhere", other.getString("hostToken"));
    int mark = elsewhere.client().frames().size();
    elsewhere.client().register("jam.events." + code);
    elsewhere.client().await(mark, f -> "err".equals(f.getString("type")));

    ok(host.add(server.songId(20)));
    host.client().awaitEvent("queue-updated");
    ok(elsewhere.send("jam.snapshot", null)); // a round trip after the event went out
    assertThat(early.events()).isEmpty();
    assertThat(elsewhere.client().events()).noneMatch(e -> e.getString("type").equals("queue-updated"));
  }

  @Test
  void aSocketThatStopsReadingIsClosedWhileOthersStayLiveAndItResumes() throws Exception {
    JsonObject jam = server.create("Host", new JsonObject().put("maxQueueSize", 200).put("autoPlay", false));
    String code = jam.getString("sessionCode");
    JamServer.Member host = server.join(client(0), code, "Host", jam.getString("hostToken"));
    JamServer.Member reader = server.join(client(0), code, "Reader", null);
    JamServer.Member stalled = server.join(client(0), code, "Stalled", null);
    stalled.client().stopReading();

    // 200 adds, then votes: each queue-updated carries the whole queue (tens of megabytes in all).
    long worstMs = 0;
    String first = null;
    int marker = reader.client().frames().size();
    io.vertx.core.Future<JsonObject> dropped = reader.client().awaitAsync(marker, f -> isEvent(f)
        && "participant-updated".equals(f.getJsonObject("body").getString("type"))
        && stalled.id().equals(f.getJsonObject("body").getJsonObject("data").getJsonObject("participant").getString("id")));
    // Until it is dropped, however fast the server is: the kernel's socket buffers take the first
    // megabytes, and a socket whose backlog drained into them holds nothing here, so it is only
    // closed once events keep coming and the backlog stays above the limit.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    for (int i = 0; !dropped.isComplete() && System.nanoTime() < deadline; i++) {
      long sent = System.nanoTime();
      int mark = reader.client().events().size();
      if (i < 200) {
        JsonObject item = ok(host.add(server.songId(30 + i)));
        first = first == null ? item.getJsonObject("item").getString("id") : first;
      } else {
        ok(host.send("jam.vote", new JsonObject().put("itemId", first).put("value", i % 2 == 0 ? 1 : -1)));
      }
      reader.client().await(mark, f -> isEvent(f) && f.getJsonObject("body").getJsonObject("data").containsKey("queue"));
      worstMs = Math.max(worstMs, (System.nanoTime() - sent) / 1_000_000);
    }
    // The gateway dropped it (5 s after it stalled): its participant shows as disconnected.
    dropped.await(20, TimeUnit.SECONDS);
    stalled.client().resumeReading(); // it now reads its backlog, then the close
    stalled.client().closed().await(30, TimeUnit.SECONDS);
    assertThat(worstMs).as("the reader's worst add-to-event latency, ms").isLessThan(2_000);

    BridgeClient again = client(0);
    JsonObject snapshot = ok(again.request("jam.join-session",
        new JsonObject().put("code", code).put("userName", "Stalled").put("resumeToken", stalled.resumeToken())));
    assertThat(snapshot.getJsonObject("you").getString("participantId")).isEqualTo(stalled.id());
    JsonArray queue = snapshot.getJsonArray("queue");
    assertThat(queue.size()).isPositive();
  }
}
