package dev.jamsession.gateway;

import static dev.jamsession.gateway.BridgeReplies.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11's findings on the bridge: each of these worked for an attacker before. */
class BridgeAbuseTest {
  @RegisterExtension
  private static final JamServer server = JamServer.perClass(1, Map.of("RATE_LIMIT_MAX", "100000",
      "WS_RATE_LIMIT_MAX", "50", "DISCONNECT_GRACE", "60000"));

  @Test
  void joinsInFlightOnOneSocketMakeOneParticipantAndNoGhost() throws Exception {
    JamServer.Member host = server.hostOfNewJam("Host");
    String code = host.snapshot().getString("code");
    BridgeClient c = server.connect();
    List<Future<JsonObject>> joins = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      joins.add(c.requestAsync("jam.join-session", new JsonObject().put("code", code).put("userName", "G" + i)));
    }
    Future.join(joins).await(15, TimeUnit.SECONDS);
    assertThat(joins.stream().filter(f -> f.result().getBoolean("success")).count()).isEqualTo(1);
    assertThat(joins.stream().map(f -> f.result().getString("code", "OK"))).contains("RATE_LIMITED");
    assertThat(ok(host.send("jam.snapshot", null)).getJsonArray("participants")).hasSize(2);
    c.kill();
    host.client().await(f -> "rec".equals(f.getString("type")) && f.getValue("body") instanceof JsonObject b
        && "participant-updated".equals(b.getString("type")));
    JsonObject after = ok(host.send("jam.snapshot", null));
    assertThat(after.getJsonArray("participants").stream().map(JsonObject.class::cast)
        .filter(p -> p.getBoolean("connected")).count()).as("connected without a socket").isEqualTo(1);
  }

  @Test
  void aConnectionSupersededByAResumeElsewhereReceivesNothingMore() throws Exception {
    JamServer.Member host = server.hostOfNewJam("Host");
    String code = host.snapshot().getString("code");
    JamServer.Member old = server.join(code, "Ben", null);
    BridgeClient fresh = server.connect();
    ok(fresh.request("jam.join-session", new JsonObject().put("code", code).put("userName", "Ben")
        .put("resumeToken", old.resumeToken())));
    ok(host.add(server.songId(3)));
    host.client().awaitEvent("queue-updated");
    int before = old.client().frames().size();
    old.client().register("jam.events." + code);
    old.client().await(before, f -> "err".equals(f.getString("type")) && "rejected".equals(f.getString("body")));
    ok(host.add(server.songId(4)));
    ok(host.send("jam.snapshot", null));
    assertThat(old.client().events()).noneMatch(e -> "queue-updated".equals(e.getString("type")));
    assertThat(old.send("jam.vote", new JsonObject().put("itemId", "x").put("value", 1)).getString("code"))
        .isEqualTo("NOT_JOINED");
  }

  /** Finding 4: the host's request id outlives any number of other participants' requests. */
  @Test
  void otherParticipantsRequestsDoNotPushOutTheHostsRetry() throws Exception {
    JamServer.Member host = server.hostOfNewJam("Host");
    String code = host.snapshot().getString("code");
    for (int i = 0; i < 3; i++) { // the first plays at once (autoPlay)
      ok(host.add(server.songId(20 + i)));
    }
    JsonObject skip = new JsonObject().put("requestId", "host-skip");
    ok(host.send("jam.play-next", skip.copy()));
    String item = ok(host.send("jam.snapshot", null)).getJsonArray("queue").getJsonObject(0).getString("id");
    for (int g = 0; g < 2; g++) { // 70 remembered changes by others, each guest within its frame budget
      JamServer.Member guest = server.join(code, "Guest " + g, null);
      for (int i = 0; i < 35; i++) {
        ok(guest.send("jam.vote", new JsonObject().put("itemId", item).put("value", i % 2 == 0 ? 1 : -1)
            .put("requestId", "vote-" + g + "-" + i)));
      }
    }
    ok(host.send("jam.play-next", skip.copy())); // the reply was lost, say: the client sends it again
    JsonObject after = ok(host.send("jam.snapshot", null));
    assertThat(after.getJsonArray("history")).as("one play-next, one song played").hasSize(1);
    assertThat(after.getJsonArray("queue")).hasSize(1);
  }

  /** Finding 12: names that look blank, fake or like another participant's. */
  @Test
  void blankLookingNamesAreRefusedAndASecondAnaIsNumbered() throws Exception {
    JamServer.Member host = server.hostOfNewJam("Ana");
    String code = host.snapshot().getString("code");
    BridgeClient c = server.connect();
    for (String name : List.of("\u3164", "\u2800", "\u115F", "Ana\u2028Bo", "e\u0301\u0301\u0301", "A\u200Bna")) {
      JsonObject reply = c.request("jam.join-session", new JsonObject().put("code", code).put("userName", name));
      assertThat(reply.getString("code")).as("name %s", name.codePoints()
          .mapToObj(Integer::toHexString).toList()).isEqualTo("INVALID_INPUT");
    }
    JsonObject you = ok(c.request("jam.join-session", new JsonObject().put("code", code).put("userName", "ana")))
        .getJsonObject("you");
    assertThat(you.getString("name")).isEqualTo("ana 2");
    assertThat(ok(host.send("jam.snapshot", null)).getJsonArray("participants").stream()
        .map(p -> ((JsonObject) p).getString("name")).toList()).containsExactly("Ana", "ana 2");
  }

  /** PROTOCOL §8 and §9: a field sent as null is not a field left out. */
  @Test
  void aPlaybackPositionSentAsNullIsInvalidAndChangesNothing() throws Exception {
    JamServer.Member host = server.hostOfNewJam("Host");
    ok(host.add(server.songId(30)));
    long rev = ok(host.send("jam.snapshot", null)).getLong("rev");
    JsonObject reply = host.send("jam.playback-update", new JsonObject().put("isPlaying", false).putNull("positionMs"));
    assertThat(reply.getString("code")).as(reply.encode()).isEqualTo("INVALID_INPUT");
    JsonObject after = ok(host.send("jam.snapshot", null));
    assertThat(after.getLong("rev")).isEqualTo(rev);
    assertThat(after.getJsonObject("playback").getBoolean("isPlaying")).isTrue();
  }

  @Test
  void everyFrameSpendsTheBudgetAndOversizedOnesAreNotParsed() throws Exception {
    BridgeClient c = server.connect();
    for (int i = 0; i < 30; i++) {
      c.sendRaw(new JsonObject().put("type", "register").put("address", "jam.events.AAAAAA").encode());
      c.sendRaw(new JsonObject().put("type", "unregister").put("address", "jam.events.AAAAAA").encode());
    }
    int before = c.frames().size();
    c.sendRaw("{\"type\":\"send\",\"address\":\"jam.time\",\"body\":\"" + "x".repeat(8_000) + "\"}");
    c.await(before, f -> "err".equals(f.getString("type")) && "frame_too_large".equals(f.getString("body")));
    JsonObject reply = c.request("jam.time", null);
    assertThat(reply.getString("code")).as("61 frames spent a budget of 50").isEqualTo("RATE_LIMITED");
  }

  @Test
  void rapidCommandsAreAllAnsweredOnTheirReplyAddress() throws Exception {
    BridgeClient c = server.connect();
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      replies.add(c.requestAsync("jam.time", null));
    }
    Future.join(replies).await(30, TimeUnit.SECONDS);
    assertThat(replies).allSatisfy(f -> assertThat(f.succeeded()).as("a reply, not an err frame").isTrue());
    assertThat(replies.stream().filter(f -> "RATE_LIMITED".equals(f.result().getString("code"))).count())
        .isEqualTo(250);
  }

  @Test
  void aBodyThatIsNoObjectIsInvalidInputOnItsReplyAddress() throws Exception {
    BridgeClient c = server.connect();
    for (Object body : List.of("x", 42, new io.vertx.core.json.JsonArray().add(1).add(2), true)) {
      assertThat(c.request("jam.time", body).getString("code")).as("jam.time %s", body).isEqualTo("INVALID_INPUT");
    }
    assertThat(c.request("jam.time", null).getBoolean("success")).isTrue();
  }

  @Test
  void oneAddressCannotHoldMoreSocketsThanItsCap() throws Exception {
    try (JamServer small = JamServer.started(1, Map.of("WS_MAX_PER_IP", "5"))) {
      List<BridgeClient> held = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        held.add(small.connect(false));
        ok(held.get(i).request("jam.time", null));
      }
      BridgeClient extra = small.connect(false);
      extra.closed().await(10, TimeUnit.SECONDS);
      assertThat(extra.closeStatus()).isEqualTo((short) 4029);
      held.get(0).close();
      held.get(0).closed().await(10, TimeUnit.SECONDS);
      BridgeClient next = null;
      for (int tries = 0; next == null && tries < 50; tries++) { // the gateway sees the close a moment later
        BridgeClient c = small.connect(false);
        if (c.requestAsync("jam.time", null).await(5, TimeUnit.SECONDS).getBoolean("success")) {
          next = c;
        }
      }
      assertThat(next).as("a freed place is usable again").isNotNull();
    }
  }

  @Test
  void aForeignOriginCannotOpenTheBridgeButOurOwnPagesCan() throws Exception {
    WebSocketClient ws = server.clients.createWebSocketClient();
    WebSocketConnectOptions evil = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port)
        .setURI("/eventbus/websocket").addHeader("Origin", "https://evil.example");
    assertThatThrownBy(() -> ws.connect(evil).await(10, TimeUnit.SECONDS)).hasMessageContaining("403");
    assertThat(server.get("/eventbus/info", "Origin", "https://evil.example").statusCode()).isEqualTo(403);
    assertThat(server.get("/eventbus/info", "Origin", "http://127.0.0.1:" + server.port).statusCode()).isEqualTo(200);
    WebSocketConnectOptions own = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port)
        .setURI("/eventbus/websocket").addHeader("Origin", "http://127.0.0.1:" + server.port);
    ws.connect(own).await(10, TimeUnit.SECONDS).close();
    ws.close();
  }

  @Test
  void pollingTransportsThatTrustASessionIdInTheUrlAreOff() throws Exception {
    assertThat(server.post("/eventbus/123/abcdefgh/xhr", "").statusCode()).isIn(404, 405);
    assertThat(server.post("/eventbus/123/abcdefgh/xhr_send", "[\"{}\"]").statusCode()).isIn(404, 405);
    assertThat(server.get("/eventbus/123/abcdefgh/eventsource").statusCode()).isIn(404, 405);
  }
}
