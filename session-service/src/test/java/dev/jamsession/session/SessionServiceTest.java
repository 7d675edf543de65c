package dev.jamsession.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.catalog.SongLookup;
import dev.jamsession.core.domain.AutofillRule;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.bus.CommandEnvelope;
import dev.jamsession.runtime.bus.EventMessage;
import dev.jamsession.runtime.bus.Replies;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * session-service on a real (one-member) cluster, driven through its bus addresses as the
 * gateway drives it: replies, the events it publishes (pre-encoded body, headers), the ticker
 * and autofill (against a fake recommender on the real address).
 */
class SessionServiceTest {
  private static final Map<String, Song> SONGS = Map.of(
      "short", song("short", 400),
      "long", song("long", 600_000),
      "long2", song("long2", 600_000),
      "ending", song("ending", 10_000),
      "pick", song("pick", 600_000));

  private static TestCluster cluster;
  private static JamNode node;
  private static EventBus bus;
  /** What the fake recommender was last asked. */
  private static final java.util.concurrent.atomic.AtomicReference<JsonObject> asked =
      new java.util.concurrent.atomic.AtomicReference<>();

  static Song song(String id, long durationMs) {
    return new Song(id, "Song " + id, "Artist", "Album", "rock", 2000, durationMs, "/a/" + id, null, 0.5);
  }

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(Map.of("TICK_INTERVAL", "50"));
    JamConfig config = cluster.nextConfig();
    node = cluster.start(config, JamNode.Role.DATA);
    SongLookup songs = id -> Optional.ofNullable(id == null ? null : SONGS.get(id));
    SessionService.deploy(node, config, songs).await(30, TimeUnit.SECONDS);
    bus = node.vertx().eventBus();
    // The recommender, faked on its real address: always the same pick.
    bus.<JsonObject>consumer(Addresses.RECOMMENDER_RECOMMEND, msg -> {
      asked.set(msg.body());
      msg.reply(Replies.ok(new JsonObject()
          .put("songs", new JsonArray().add(new JsonObject().put("song", new JsonObject().put("id", "pick"))))));
    }).completion().await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  /** A jam's events as the gateway receives them. */
  private static final class Events implements AutoCloseable {
    final BlockingQueue<Message<Buffer>> received = new LinkedBlockingQueue<>();
    final MessageConsumer<Buffer> consumer;

    Events(String code) throws Exception {
      consumer = bus.consumer(Addresses.events(code), received::add);
      consumer.completion().await(10, TimeUnit.SECONDS);
    }

    /** The first event (from now on) that matches, waiting for it as long as 10 s. */
    Message<Buffer> await(Predicate<Message<Buffer>> matching) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        Message<Buffer> m = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (m != null && matching.test(m)) {
          return m;
        }
      }
      throw new AssertionError("no matching event");
    }

    Message<Buffer> await(String type) throws Exception {
      return await(m -> type.equals(EventMessage.type(m)));
    }

    @Override
    public void close() throws Exception {
      consumer.unregister().await(10, TimeUnit.SECONDS);
    }
  }

  private static JsonObject request(String address, JsonObject body) throws Exception {
    return bus.<JsonObject>request(address, body).await(10, TimeUnit.SECONDS).body();
  }

  private static JsonObject command(String cmd, String code, String participantId, String connectionId,
                                    Object body) throws Exception {
    return request(Addresses.SESSION_COMMAND, new CommandEnvelope(UUID.randomUUID().toString(), 12_345, cmd,
        code, participantId, connectionId, body).toJson());
  }

  private static JsonObject created(JsonObject settings) throws Exception {
    JsonObject reply = request(Addresses.SESSION_CREATE, new JsonObject().put("hostName", "Ana").put("settings", settings));
    assertThat(Replies.isSuccess(reply)).isTrue();
    return reply.getJsonObject("data");
  }

  /** Ana joins {@code jam} as its host on {@code connection}: the join's data. */
  private static JsonObject hostJoins(JsonObject jam, String connection) throws Exception {
    return data(command("jam.join-session", jam.getString("sessionCode"), null, connection,
        new JsonObject().put("userName", "Ana").put("hostToken", jam.getString("hostToken"))));
  }

  private static String participantId(JsonObject joined) {
    return joined.getJsonObject("you").getString("participantId");
  }

  private static JsonObject data(JsonObject reply) {
    assertThat(Replies.isSuccess(reply)).as("%s", reply).isTrue();
    return reply.getJsonObject("data");
  }

  private static JsonObject body(Message<Buffer> m) {
    return new JsonObject(m.body());
  }

  @Test
  void eventsArePublishedPreEncodedWithTheirFactsInHeadersAndRepliesCarryTheRevision() throws Exception {
    JsonObject jam = created(new JsonObject().put("autofill", false));
    String code = jam.getString("sessionCode");
    try (Events events = new Events(code)) {
      JsonObject joined = hostJoins(jam, "gw1/c1");
      String host = participantId(joined);
      Message<Buffer> join = events.await("participant-joined");
      assertThat(EventMessage.participant(join)).isEqualTo(host);
      assertThat(EventMessage.rev(join)).isEqualTo(joined.getLong("rev")).isEqualTo(1);
      assertThat(EventMessage.commandAt(join)).isEqualTo(12_345);
      assertThat(body(join).fieldNames()).containsExactly("type", "rev", "data");
      assertThat(body(join).getString("type")).isEqualTo("participant-joined");

      data(command("jam.add-to-queue", code, host, "gw1/c1", new JsonObject().put("songId", "long")));
      JsonObject added = data(command("jam.add-to-queue", code, host, "gw1/c1", new JsonObject().put("songId", "long2")));
      String item = added.getJsonObject("item").getString("id");
      JsonObject voted = data(command("jam.vote", code, host, "gw1/c1", new JsonObject().put("itemId", item).put("value", 1)));
      long rev = voted.getLong("rev");
      assertThat(voted.getJsonObject("item").getInteger("score")).isEqualTo(1);
      // Within 50 ms of the add's queue-updated, the vote's may be held, but it arrives, as itself.
      Message<Buffer> update = events.await(m -> "queue-updated".equals(EventMessage.type(m)) && EventMessage.rev(m) == rev);
      assertThat(body(update).getLong("rev")).isEqualTo(rev);
      assertThat(body(update).getJsonObject("data").getJsonArray("queue").getJsonObject(0).getInteger("score")).isEqualTo(1);
    }
  }

  @Test
  void aJoinThatArrivesAfterItsGatewayWasLostIsDisconnectedToo() throws Exception {
    JsonObject jam = created(new JsonObject());
    String code = jam.getString("sessionCode");
    JamNode gateway = cluster.start(JamNode.Role.LITE);
    String dead = gateway.nodeId();
    try (Events events = new Events(code)) {
      String first = data(command("jam.join-session", code, null, dead + "/c1", new JsonObject().put("userName", "Cy")))
          .getJsonObject("you").getString("participantId");
      cluster.kill(gateway);
      // The loss is handled: the participant it had is disconnected.
      events.await(m -> "participant-updated".equals(EventMessage.type(m)) && first.equals(EventMessage.participant(m)));
      assertThat(node.jams().get(code).participant(first).orElseThrow().connected()).isFalse();

      // A join it sent before dying that reaches the jam only now (a busy partition thread).
      String late = data(command("jam.join-session", code, null, dead + "/c2", new JsonObject().put("userName", "Di")))
          .getJsonObject("you").getString("participantId");
      events.await(m -> "participant-updated".equals(EventMessage.type(m)) && late.equals(EventMessage.participant(m)));
      assertThat(node.jams().get(code).participant(late).orElseThrow().connected()).as("no ghost").isFalse();
    }
  }

  @Test
  void aResumeOnANewConnectionNamesTheOldOneAsDetached() throws Exception {
    JsonObject jam = created(new JsonObject());
    String code = jam.getString("sessionCode");
    try (Events events = new Events(code)) {
      JsonObject guest = data(command("jam.join-session", code, null, "gw1/c2", new JsonObject().put("userName", "Ben")));
      String id = participantId(guest);
      JsonObject resumed = data(command("jam.join-session", code, null, "gw2/c9",
          new JsonObject().put("resumeToken", guest.getJsonObject("you").getString("resumeToken"))));
      assertThat(resumed.getJsonObject("you").getString("participantId")).isEqualTo(id);
      Message<Buffer> updated = events.await("participant-updated");
      assertThat(EventMessage.participant(updated)).isEqualTo(id);
      assertThat(EventMessage.detached(updated)).isEqualTo("gw1/c2");
      assertThat(EventMessage.rev(updated)).isEqualTo(resumed.getLong("rev"));
    }
  }

  @Test
  void bodiesThatAreNoObjectAndNullFieldsAreInvalidAfterMembership() throws Exception {
    JsonObject jam = created(new JsonObject());
    String code = jam.getString("sessionCode");
    String host = participantId(hostJoins(jam, "gw1/c3"));
    for (Object bad : new Object[] {"x", 42, new JsonArray().add(1).add(2), true}) {
      assertThat(command("jam.vote-skip", code, host, "gw1/c3", bad).getString("code")).isEqualTo("INVALID_INPUT");
      assertThat(command("jam.vote-skip", code, null, "gw1/c4", bad).getString("code")).isEqualTo("NOT_JOINED");
      assertThat(command("jam.join-session", code, null, "gw1/c5", bad).getString("code")).isEqualTo("INVALID_INPUT");
    }
    assertThat(data(command("jam.snapshot", code, host, "gw1/c3", null)).getString("code")).isEqualTo(code);
    data(command("jam.add-to-queue", code, host, "gw1/c3", new JsonObject().put("songId", "long")));
    assertThat(command("jam.playback-update", code, host, "gw1/c3",
        new JsonObject().put("isPlaying", false).putNull("positionMs")).getString("code")).isEqualTo("INVALID_INPUT");
  }

  @Test
  void theTickerAdvancesWhenTheSongEnds() throws Exception {
    JsonObject jam = created(new JsonObject().put("autofill", false));
    String code = jam.getString("sessionCode");
    try (Events events = new Events(code)) {
      String host = participantId(hostJoins(jam, "gw1/c6"));
      data(command("jam.add-to-queue", code, host, "gw1/c6", new JsonObject().put("songId", "short")));
      data(command("jam.add-to-queue", code, host, "gw1/c6", new JsonObject().put("songId", "long")));
      Message<Buffer> next = events.await(m -> "now-playing".equals(EventMessage.type(m))
          && "long".equals(body(m).getJsonObject("data").getJsonObject("current").getJsonObject("song").getString("id")));
      assertThat(body(next).getJsonObject("data").getJsonArray("history").getJsonObject(0)
          .getJsonObject("song").getString("id")).isEqualTo("short");
    }
  }

  @Test
  void autofillAddsTheRecommendersPickWhenTheLastSongIsEnding() throws Exception {
    JsonObject jam = created(new JsonObject().put("mood", "melancholy"));
    String code = jam.getString("sessionCode");
    try (Events events = new Events(code)) {
      String host = participantId(hostJoins(jam, "gw1/c7"));
      data(command("jam.add-to-queue", code, host, "gw1/c7", new JsonObject().put("songId", "ending")));
      Message<Buffer> filled = events.await(m -> "queue-updated".equals(EventMessage.type(m))
          && !body(m).getJsonObject("data").getJsonArray("queue").isEmpty());
      JsonObject item = body(filled).getJsonObject("data").getJsonArray("queue").getJsonObject(0);
      assertThat(item.getString("addedById")).isEqualTo(AutofillRule.RECOMMENDER_ID);
      assertThat(item.getJsonObject("song").getString("id")).isEqualTo("pick");
      assertThat(asked.get().getString("mood")).isEqualTo("melancholy"); // autofill asks in the jam's mood
    }
  }

  /**
   * Settings sent in one JVM arrive as JsonArrays inside JsonObjects (a local delivery copies them),
   * not as the Lists a decoded message holds; the rules must read both.
   */
  @Test
  void partyRulesSentInTheSameJvmApplyAndReachTheRecommender() throws Exception {
    JsonObject jam = created(new JsonObject().put("blockedGenres", new JsonArray().add("ROCK")).put("autoPlay", false));
    String code = jam.getString("sessionCode");
    String host = participantId(hostJoins(jam, "gw1/c9"));
    JsonObject refused = command("jam.add-to-queue", code, host, "gw1/c9", new JsonObject().put("songId", "long"));
    assertThat(refused.getString("code")).isEqualTo("NOT_ALLOWED");
    assertThat(refused.getString("error")).isEqualTo("Rock is blocked in this jam");
    JsonObject settings = data(command("jam.update-settings", code, host, "gw1/c9", new JsonObject()
        .put("blockedGenres", new JsonArray().add("Metal").add("polka")).put("maxSongDurationMs", 300_000)))
        .getJsonObject("settings");
    assertThat(settings.getJsonArray("blockedGenres")).containsExactly("Metal", "polka");
    assertThat(command("jam.add-to-queue", code, host, "gw1/c9", new JsonObject().put("songId", "long"))
        .getString("code")).isEqualTo("NOT_ALLOWED"); // 600 s, over the 5-minute limit
    data(command("jam.get-recommendations", code, host, "gw1/c9", new JsonObject()));
    assertThat(asked.get().getJsonObject("rules")).isEqualTo(new JsonObject().put("maxSongDurationMs", 300_000)
        .put("blockedGenres", new JsonArray().add("Metal").add("polka")));
  }

  /** The jam's mood (§13) reaches the recommender; a request's own mood, null included, overrides it. */
  @Test
  void theMoodReachesTheRecommenderFromTheJamOrTheRequest() throws Exception {
    JsonObject jam = created(new JsonObject().put("mood", "chill").put("autoPlay", false));
    String code = jam.getString("sessionCode");
    String host = data(command("jam.join-session", code, null, "gw1/c10",
        new JsonObject().put("userName", "Ana").put("hostToken", jam.getString("hostToken"))))
        .getJsonObject("you").getString("participantId");
    data(command("jam.get-recommendations", code, host, "gw1/c10", new JsonObject()));
    assertThat(asked.get().getString("mood")).isEqualTo("chill");
    data(command("jam.get-recommendations", code, host, "gw1/c10", new JsonObject().put("mood", "focus")));
    assertThat(asked.get().getString("mood")).isEqualTo("focus");
    data(command("jam.get-recommendations", code, host, "gw1/c10", new JsonObject().putNull("mood")));
    assertThat(asked.get().containsKey("mood")).isTrue();
    assertThat(asked.get().getValue("mood")).isNull();
    asked.set(null);
    JsonObject unknown = command("jam.get-recommendations", code, host, "gw1/c10", new JsonObject().put("mood", "sleepy"));
    assertThat(unknown.getString("code")).isEqualTo("INVALID_INPUT");
    assertThat(asked.get()).isNull(); // refused before the recommender was asked
    JsonObject settings = data(command("jam.update-settings", code, host, "gw1/c10",
        new JsonObject().put("mood", "energetic"))).getJsonObject("settings");
    assertThat(settings.getString("mood")).isEqualTo("energetic");
    assertThat(command("jam.update-settings", code, host, "gw1/c10", new JsonObject().put("mood", "sleepy"))
        .getString("code")).isEqualTo("INVALID_INPUT");
    data(command("jam.get-recommendations", code, host, "gw1/c10", new JsonObject()));
    assertThat(asked.get().getString("mood")).isEqualTo("energetic");
    assertThat(request(Addresses.SESSION_CREATE, new JsonObject().put("hostName", "Ana")
        .put("settings", new JsonObject().put("mood", 3))).getString("code")).isEqualTo("INVALID_INPUT");
  }

  @Test
  void reactionsArePublishedAtTheJamsRevWithinTheirSendersWindow() throws Exception {
    JsonObject jam = created(new JsonObject());
    String code = jam.getString("sessionCode");
    try (Events events = new Events(code)) {
      JsonObject joined = hostJoins(jam, "gw1/c10");
      String host = participantId(joined);
      for (int i = 0; i < 10; i++) {
        assertThat(data(command("jam.react", code, host, "gw1/c10", new JsonObject().put("emoji", "👏")))).isEmpty();
      }
      JsonObject limited = command("jam.react", code, host, "gw1/c10", new JsonObject().put("emoji", "👏"));
      assertThat(limited.getString("code")).isEqualTo("RATE_LIMITED");
      Message<Buffer> reaction = events.await("reaction");
      assertThat(EventMessage.rev(reaction)).isEqualTo(joined.getLong("rev"));
      assertThat(EventMessage.participant(reaction)).isNull(); // it ends nobody's membership
      assertThat(body(reaction).getJsonObject("data").getString("emoji")).isEqualTo("👏");
      assertThat(node.reactionWindows().get(JamNode.reactionKey(code, host)).acceptedAt()).hasSize(10);
      JsonObject screen = data(command("jam.watch", code, null, "gw1/c11", new JsonObject().put("code", code)));
      assertThat(screen.containsKey("you")).isFalse();
      assertThat(screen.getLong("rev")).isEqualTo(joined.getLong("rev")); // ten reactions, no new revision
    }
  }

  @Test
  void statsAreTotalsOverTheCluster() throws Exception {
    JsonObject jam = created(new JsonObject());
    data(command("jam.join-session", jam.getString("sessionCode"), null, "gw1/c8",
        new JsonObject().put("userName", "Ana").put("hostToken", jam.getString("hostToken"))));
    JsonObject stats = data(request(Addresses.SESSION_STATS, new JsonObject()));
    assertThat(stats.fieldNames()).containsExactlyInAnyOrder("jams", "participants", "connectedParticipants",
        "queuedSongs", "playingJams");
    assertThat(stats.getLong("jams")).isPositive();
    assertThat(stats.getLong("connectedParticipants")).isPositive();
  }
}
