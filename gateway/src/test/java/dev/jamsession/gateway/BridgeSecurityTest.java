package dev.jamsession.gateway;

import static dev.jamsession.gateway.BridgeReplies.ok;
import static dev.jamsession.gateway.BridgeReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.gateway.JamServer.Member;
import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a hostile or broken client can do through the bridge: nothing that changes the jam. */
class BridgeSecurityTest {
  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of("RATE_LIMIT_MAX", "100000"));
  static String code;
  static Member host;
  static Member guest;

  @BeforeAll
  static void start() throws Exception {
    host = server.hostOfNewJam("Ana");
    code = host.code();
    guest = server.join(code, "Eve", null);
    ok(host.add(server.songId(0)));
  }

  static JsonObject errFrameAfter(BridgeClient c, int framesBefore) throws Exception {
    return c.await(framesBefore, f -> "err".equals(f.getString("type")));
  }

  @Test
  void forgedIdentityInHeadersOrBodyChangesNothing() throws Exception {
    long rev = ok(host.send("jam.snapshot", null)).getLong("rev");
    JsonObject forged = new JsonObject()
        .put("type", "send").put("address", "jam.play-next").put("replyAddress", "11111111-2222-3333-4444-555555555555")
        .put("headers", new JsonObject().put("jam-connection", "anything").put("participantId", host.id()))
        .put("body", new JsonObject().put("participantId", host.id()).put("userId", host.id())
            .put("hostId", guest.id()).put("isHost", true));
    guest.client().sendRaw(forged.encode());
    JsonObject reply = guest.client().await(f -> "11111111-2222-3333-4444-555555555555".equals(f.getString("address")))
        .getJsonObject("body");
    refused(reply, "NOT_HOST");
    refused(guest.send("jam.update-settings", new JsonObject().put("participantId", host.id()).put("listed", true)), "NOT_HOST");
    refused(guest.send("jam.kick", new JsonObject().put("participantId", host.id()).put("isHost", true)), "NOT_HOST");
    JsonObject after = ok(host.send("jam.snapshot", null));
    assertThat(after.getLong("rev")).isEqualTo(rev);
    assertThat(after.getString("hostId")).isEqualTo(host.id());
  }

  @Test
  void nobodyElseCanClaimTheHostRoleByJoining() throws Exception {
    BridgeClient c = server.connect();
    refused(c.request("jam.join-session", new JsonObject().put("code", code).put("userName", "Mallory")
        .put("hostToken", "guessed-token")), "INVALID_TOKEN");
    Member m = server.join(c, new JsonObject().put("code", code).put("userName", "Mallory").put("isHost", true));
    assertThat(m.snapshot().getJsonObject("you").getBoolean("isHost")).isFalse();
    ok(m.send("jam.leave-session", null));
  }

  @Test
  void registeringAJamNotJoinedIsRefusedAndDeliversNothing() throws Exception {
    JsonObject other = server.create("Zed");
    BridgeClient outsider = server.connect();
    int before = outsider.frames().size();
    outsider.register("jam.events." + code);
    assertThat(errFrameAfter(outsider, before).getString("body")).isEqualTo("rejected");
    // A member of another jam may not listen to this one either.
    Member zed = server.join(other.getString("sessionCode"), "Zed", other.getString("hostToken"));
    int zedBefore = zed.client().frames().size();
    zed.client().register("jam.events." + code);
    assertThat(errFrameAfter(zed.client(), zedBefore).getString("body")).isEqualTo("rejected");
    ok(host.add(server.songId(7)));
    ok(zed.send("jam.snapshot", null)); // round trip after the event was published
    assertThat(outsider.events()).isEmpty();
    assertThat(zed.client().events()).allSatisfy(e -> assertThat(e.getString("type")).isNotEqualTo("queue-updated"));
  }

  @Test
  void internalAndUnknownAddressesAreRefused() throws Exception {
    BridgeClient c = server.connect();
    for (String address : new String[] {"session.command", "session.create", "recommender.recommend",
        "cleanup.sweep", "nope", "jam.events." + code, "jam.not-a-command"}) {
      int before = c.frames().size();
      c.sendRaw(new JsonObject().put("type", "send").put("address", address)
          .put("replyAddress", "aaaaaaaa-2222-3333-4444-555555555555").put("body", new JsonObject()).encode());
      assertThat(errFrameAfter(c, before).getString("body")).as(address).isIn("rejected", "access_denied");
    }
    int before = c.frames().size();
    c.sendRaw(new JsonObject().put("type", "publish").put("address", "jam.events." + code)
        .put("body", new JsonObject().put("type", "session-ended")).encode());
    assertThat(errFrameAfter(c, before).getString("body")).isEqualTo("rejected");
    ok(c.request("jam.time", null));
  }

  @Test
  void oversizedAndMalformedFramesAreAnsweredAndTheConnectionStaysUsable() throws Exception {
    refused(guest.add("x".repeat(2000)), "PAYLOAD_TOO_LARGE");
    refused(guest.send("jam.vote", new JsonObject().put("itemId", "x").put("value", "up")), "INVALID_INPUT");
    refused(guest.client().request("jam.vote", new JsonArray().add(1)), "INVALID_INPUT");
    refused(guest.client().request("jam.vote", "a string"), "INVALID_INPUT");
    int before = guest.client().frames().size();
    guest.client().sendRaw("{not json");
    assertThat(errFrameAfter(guest.client(), before).getString("body")).isEqualTo("invalid_json");
    before = guest.client().frames().size();
    guest.client().sendRaw("{\"address\":\"jam.time\"}");
    assertThat(errFrameAfter(guest.client(), before).getString("body")).isEqualTo("missing_type");
    ok(guest.send("jam.snapshot", null));
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aFloodingConnectionIsRateLimitedAloneAndStaysConnected() throws Exception {
    BridgeClient flood = server.connect();
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (int batch = 0; batch < 3; batch++) { // the bridge itself caps pending replies at 64 a socket
      List<Future<JsonObject>> sent = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        sent.add(flood.requestAsync("jam.time", null));
      }
      Future.all(sent).await(30, TimeUnit.SECONDS);
      replies.addAll(sent);
    }
    List<String> codes = replies.stream().map(f -> f.result().getString("code", "OK")).toList();
    assertThat(codes).contains("OK", "RATE_LIMITED");
    assertThat(codes.stream().filter("OK"::equals).count()).isEqualTo(120); // WS_RATE_LIMIT_MAX default
    ok(guest.send("jam.snapshot", null)); // others are unaffected
    refused(flood.request("jam.time", null), "RATE_LIMITED");
  }

  @Test
  void manyConnectionsFromOneAddressShareItsLimit() throws Exception {
    try (JamServer small = JamServer.started(1, Map.of("WS_RATE_LIMIT_MAX", "1000", "WS_IP_RATE_LIMIT_MAX", "30"))) {
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        BridgeClient c = small.connect();
        for (int k = 0; k < 10; k++) {
          codes.add(c.request("jam.time", null).getString("code", "OK"));
        }
      }
      assertThat(codes.stream().filter("OK"::equals).count()).isEqualTo(30);
      assertThat(codes).contains("RATE_LIMITED");
    }
  }

  @Test
  void membershipIsCheckedBeforeShape() throws Exception {
    BridgeClient stranger = server.connect();
    refused(stranger.request("jam.vote", new JsonObject().put("value", "bad")), "NOT_JOINED");
    refused(stranger.request("jam.snapshot", null), "NOT_JOINED");
    refused(stranger.request("jam.join-session", new JsonObject().put("code", "NOPE00").put("userName", "A")), "NOT_FOUND");
    refused(stranger.request("jam.join-session", new JsonObject().put("code", "bad").put("userName", "A")), "INVALID_INPUT");
    refused(stranger.request("jam.join-session", new JsonObject().put("code", code).put("userName", "\u0007bell")), "INVALID_INPUT");
  }
}
