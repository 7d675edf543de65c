package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.gateway.FuzzFrames.Expect;
import dev.jamsession.gateway.FuzzFrames.Frame;
import dev.jamsession.testkit.BridgeClient;
import dev.jamsession.testkit.RevState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11's protocol fuzzer: at least 10,000 generated frames (see {@link FuzzFrames}) from ten
 * sockets spread over two gateways, against two session members, through real sockets; each jam's
 * observer is on the second gateway, so its events cross the cluster. Seeded:
 * {@code -Dfuzz.seed=N} replays a run's choices ({@code -Dfuzz.frames=N} changes its length), and
 * every frame sent and received is written to target/protocol-fuzz-trace-SEED.txt. Checked during the run: every
 * answer is a §3 envelope on its reply address (exactly once, never silence) or an {@code err}
 * frame where PROTOCOL says so, no connection is closed by the server, request ids never cross
 * participants. Checked after it: the server is healthy, each jam's snapshot equals the state
 * its observer rebuilt from events with the rev rule (§5), nobody is connected without a socket,
 * and the heap is back near where it started.
 */
class ProtocolFuzzTest {
  private static final long DEFAULT_SEED = 20261201L;
  private static final int SOCKETS = 10;
  private static final int JAMS = 3;
  private static final int BATCH = 24;
  /**
   * Heap growth allowed over the run, measured after System.gc() once every fuzz socket and
   * observer is closed and the test's own copies of the frames they received are dropped. What
   * legitimately stays is a few jams (each at most 200 items, 50 history entries and its
   * participants, twice over for Hazelcast's backups): 2 to 5 MB in our runs. What a leak would
   * keep is far more: the server writes over 100 MB of events to the fuzz sockets, and the 7 MB
   * of frames it reads are some 40 MB once parsed, so a layer that keeps events, parsed frames,
   * closed sockets or their write queues goes past 32 MB.
   */
  private static final long HEAP_BOUND_MB = 32;
  private static final Set<String> CODES = Set.of("INVALID_INPUT", "PAYLOAD_TOO_LARGE", "NOT_FOUND", "NOT_JOINED",
      "NOT_HOST", "NOT_OWNER", "QUEUE_FULL", "DUPLICATE_SONG", "UNKNOWN_SONG", "ITEM_NOT_FOUND", "VOTING_DISABLED",
      "SESSION_FULL", "INVALID_TOKEN", "RATE_LIMITED", "UNAVAILABLE", "INTERNAL", "PERSON_LIMIT", "NOT_ALLOWED");

  /** One fuzz socket and what the fuzzer believes about it (beliefs only steer the generator). */
  private static final class Slot {
    final int index;
    final int port;
    BridgeClient client;
    String jam;
    String participantId;
    int scanned;
    int errExpected;
    int errSeen;
    int registers;
    boolean closing;
    /** Counts frames sent that may change who the socket is (join, leave, end, watch). */
    int epoch;
    /** The epoch up to which the fuzzer knows who the socket is. */
    int knownEpoch;
    final Map<String, Pending> pending = new HashMap<>();
    /**
     * Request ids sent while the fuzzer did not know who the socket was (a join's reply still on
     * its way): the participant it turns out to be may already have used them.
     */
    final Set<String> idsOfUnknownSender = new HashSet<>();

    Slot(int index, int port) {
      this.index = index;
      this.port = port;
    }
  }

  /**
   * A frame owed a reply, with who its socket was believed to be when it went: {@code whoKnown} when a
   * reply had said so since the last frame that may change it (none is unanswered).
   */
  private record Pending(Frame frame, String jam, String participantId, String requestId, boolean firstUse,
                         int epoch, boolean whoKnown) {}

  /** One jam and the participant that watches it: a socket the fuzzer never writes to. */
  private static final class Watch {
    final String code;
    String hostToken;
    final BridgeClient observer;
    final String observerId;
    final JsonObject joinSnapshot;
    final RevState live;
    int scanned;
    boolean ended;

    Watch(String code, String hostToken, BridgeClient observer, JsonObject joinSnapshot) {
      this.code = code;
      this.hostToken = hostToken;
      this.observer = observer;
      this.joinSnapshot = joinSnapshot;
      this.observerId = joinSnapshot.getJsonObject("you").getString("participantId");
      this.live = new RevState(joinSnapshot);
    }
  }

  private JamServer server;
  private final List<Slot> slots = new ArrayList<>();
  private final List<Watch> watches = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> failureKinds = new LinkedHashMap<>();
  private final Map<String, List<String>> fuzzParticipants = new HashMap<>();
  private final Map<String, String> tokenOwner = new HashMap<>();
  private final List<String> resumeTokens = new ArrayList<>();
  private final List<String> requestIds = new ArrayList<>();
  private final Map<String, Set<String>> requestIdsOf = new HashMap<>();
  private List<String> songIds;
  private BufferedWriter trace;
  private long frameCount;
  private int observerTurn;

  private static final Map<String, String> ENV = Map.of(
      "WS_RATE_LIMIT_MAX", "1000000", "WS_IP_RATE_LIMIT_MAX", "10000000", "RATE_LIMIT_MAX", "1000000",
      "CREATE_RATE_LIMIT_MAX", "1000", "CREATE_RATE_LIMIT_IP_MAX", "1000", "WS_MAX_PER_IP", "100000",
      "DISCONNECT_GRACE", "5000");
  /** Two session members, two gateways: observers sit on the second. */
  @RegisterExtension
  private static final JamServer shared = JamServer.perClass(2, 2, ENV);

  @Test
  void tenThousandFramesLeaveAHealthyConsistentServer() throws Exception {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    int frames = Integer.getInteger("fuzz.frames", 10_000);
    Path tracePath = Path.of("target", "protocol-fuzz-trace-" + seed + ".txt");
    Files.createDirectories(tracePath.getParent());
    long started = System.nanoTime();
    server = shared;
    // Lenient: a frame holding an unpaired surrogate is written (and sent) with '?' in its place.
    try (BufferedWriter t = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(tracePath),
        StandardCharsets.UTF_8))) {
      trace = t;
      trace.write("seed " + seed + "\n");
      run(seed, frames, started);
    }
    assertThat(failures)
        .as("protocol fuzzer, seed %d (rerun: -Dfuzz.seed=%d; frames sent: %s); failures by kind %s",
            seed, seed, tracePath.toAbsolutePath(), failureKinds)
        .isEmpty();
  }

  /**
   * The fuzzer's ghosts: a leave and a join sent back to back on one socket, the join answered
   * first (it made a new participant, the leave having removed the old one), then the leave's
   * reply unbound the socket from the new participant, so its close disconnected nobody.
   */
  @Test
  void aLeaveAnsweredAfterARejoinLeavesTheSocketBoundToWhoItIsNow() throws Exception {
    server = shared;
    JsonObject jam = server.create("Race");
    String code = jam.getString("sessionCode");
    BridgeClient watcher = server.connect();
    JamServer.Member observer = server.join(watcher, new JsonObject().put("code", code).put("userName", "Watcher"));
    BridgeClient c = server.connect();
    JsonObject join = new JsonObject().put("code", code).put("userName", "Racer");
    assertThat(c.request("jam.join-session", join).getBoolean("success")).isTrue();
    for (int i = 0; i < 30; i++) {
      Future<JsonObject> leave = c.requestAsync("jam.leave-session", null);
      Future<JsonObject> rejoin = c.requestAsync("jam.join-session", join);
      Future.join(leave, rejoin).await(15, TimeUnit.SECONDS);
    }
    c.close();
    c.closed().await(10, TimeUnit.SECONDS);
    RevState live = new RevState(observer.snapshot());
    long deadline = System.currentTimeMillis() + 15_000;
    int scanned = 0;
    while (System.currentTimeMillis() < deadline) {
      List<JsonObject> events = watcher.events();
      for (; scanned < events.size(); scanned++) {
        live.apply(events.get(scanned));
      }
      if (connectedOthers(live.get("participants"), observer.id()).isEmpty()) {
        break;
      }
      try {
        watcher.awaitAsync(watcher.frames().size(), f -> true).await(deadline - System.currentTimeMillis(),
            TimeUnit.MILLISECONDS);
      } catch (Exception timeout) {
        // checked below
      }
    }
    JsonObject snapshot = observer.send("jam.snapshot", null).getJsonObject("data");
    assertThat(connectedOthers(snapshot.getValue("participants"), observer.id()))
        .as("connected without a socket: %s", snapshot.getValue("participants")).isEmpty();
  }

  private void run(long seed, int frames, long started) throws Exception {
    songIds = server.catalog.all().stream().map(Song::id).toList();
    warmUp();
    long heapBefore = usedHeapAfterGc();
    log("cluster up and warm in %d ms, heap %d MB", ms(started), heapBefore >> 20);
    Random rnd = new Random(seed);
    for (int i = 0; i < JAMS; i++) {
      watches.add(newJam(i));
    }
    for (int i = 0; i < SOCKETS; i++) {
      Slot s = new Slot(i, server.ports.get(i % server.ports.size()));
      s.client = BridgeClient.connect(server.clients, s.port);
      slots.add(s);
    }
    FuzzFrames gen = new FuzzFrames(rnd, world());
    // The first joins claim each jam's host role, so host commands have someone to come from.
    List<Frame> hostJoins = new ArrayList<>();
    for (int i = 0; i < JAMS; i++) {
      Watch w = watches.get(i);
      hostJoins.add(gen.hostJoin(i, w.code, w.hostToken));
    }
    long fuzzStart = System.nanoTime();
    hostJoins.add(gen.raw(JAMS, new JsonObject().put("type", "send").put("address", "jam.join-session")
        .put("replyAddress", "probe-join").put("body", new JsonObject().put("code", watches.get(0).code)
            .put("userName", "Fuzz probe")).encode(), "probe"));
    batch(gen, hostJoins);
    // Request-id probes (§9), in batches of their own so their order is known: another participant's
    // id is its own, and a retried id on jam.snapshot still answers with a snapshot (§4).
    batch(gen, List.of(probe(gen, 0, "jam.add-to-queue", new JsonObject().put("songId", songIds.get(5)), 1)));
    batch(gen, List.of(probe(gen, JAMS, "jam.add-to-queue", new JsonObject().put("songId", songIds.get(6)), 2),
        probe(gen, 0, "jam.snapshot", new JsonObject(), 3)));
    int sent = hostJoins.size() + 3;
    while (sent < frames) {
      if (rnd.nextInt(8) == 0) {
        churn(rnd, gen);
      }
      List<Frame> batch = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        Slot s = slots.get(rnd.nextInt(SOCKETS));
        batch.add(gen.next(s.index, s.jam));
      }
      batch(gen, batch);
      sent += batch.size();
      observerTurn(rnd);
    }
    log("%d frames (%d with fences) in %d ms", sent, frameCount, ms(fuzzStart));

    // Every fuzz socket goes; then nobody but the observers may stay connected.
    for (Slot s : slots) {
      s.closing = true;
      s.client.close();
    }
    for (Slot s : slots) {
      s.client.closed().await(10, TimeUnit.SECONDS);
      // The test's own copy of what the socket got: released here, as Vert.x may keep a closed
      // client (and so its handlers) a while longer, which the heap check would count.
      s.client.forgetFrames();
    }
    log("fuzz sockets closed, heap %d MB", usedHeapAfterGc() >> 20);
    if (Boolean.getBoolean("fuzz.histogram")) {
      log("%s", histogram());
    }
    checkNoGhosts();
    checkSnapshotsMatchEvents();
    checkHealthy();
    log("checks done at %d ms", ms(started));

    for (Watch w : watches) {
      w.observer.close();
    }
    for (Watch w : watches) {
      w.observer.closed().await(10, TimeUnit.SECONDS);
      w.observer.forgetFrames();
    }
    slots.clear();
    watches.clear();
    long heapAfter = usedHeapAfterGc();
    if (heapAfter - heapBefore > HEAP_BOUND_MB << 20) {
      // Once more after a round trip through the gateway's loop, in case a close was still settling.
      try (BridgeClient probe = BridgeClient.connect(server.clients, server.port)) {
        probe.request("jam.time", null);
      }
      heapAfter = Math.min(heapAfter, usedHeapAfterGc());
    }
    log("heap before %d MB, after %d MB", heapBefore >> 20, heapAfter >> 20);
    if (Boolean.getBoolean("fuzz.histogram")) {
      log("%s", histogram());
    }
    if (heapAfter - heapBefore > HEAP_BOUND_MB << 20) {
      fail("memory", "used heap grew by " + ((heapAfter - heapBefore) >> 20) + " MB (bound " + HEAP_BOUND_MB
          + " MB); largest classes:\n" + histogram());
    }
    log("total %d ms", ms(started));
  }

  // ---- the run ----

  private Frame probe(FuzzFrames gen, int slot, String cmd, JsonObject body, int n) {
    return gen.raw(slot, new JsonObject().put("type", "send").put("address", cmd).put("replyAddress", "probe-" + n)
        .put("body", body.copy().put("requestId", "fuzz-probe")).encode(), "probe");
  }

  /** Sends the frames, then one fence per socket used, and waits for every reply owed. */
  private void batch(FuzzFrames gen, List<Frame> frames) throws Exception {
    Set<Slot> used = new HashSet<>();
    List<Future<JsonObject>> replies = new ArrayList<>();
    List<Frame> all = new ArrayList<>(frames);
    for (Frame f : frames) {
      used.add(slots.get(f.slot()));
    }
    for (Slot s : slots) {
      if (used.contains(s)) {
        all.add(gen.fence(s.index));
      }
    }
    for (Frame f : all) {
      Slot s = slots.get(f.slot());
      int from = s.client.frames().size();
      track(s, f);
      trace.write(s.index + " " + f.kind() + " " + f.expect() + " " + f.text() + "\n");
      if (!f.text().equals(new String(f.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))) {
        log("frame with an unpaired surrogate: %s", abbreviate(f.text()));
      }
      s.client.sendRaw(f.text());
      frameCount++;
      if (f.expect() == Expect.REPLY) {
        String address = f.replyAddress();
        replies.add(s.client.awaitAsync(from, x -> address.equals(x.getString("address"))));
      }
    }
    try {
      Future.join(replies).await(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // Reported per frame below, as silence.
    }
    for (Slot s : slots) {
      scan(s, used.contains(s));
    }
    for (Watch w : List.copyOf(watches)) {
      scanObserver(w);
    }
  }

  /** Whether a frame's command may change who its socket is. */
  private static boolean changesWho(Frame f) {
    return f.cmd() != null
        && Set.of("jam.join-session", "jam.leave-session", "jam.end-session", "jam.watch").contains(f.cmd());
  }

  private void track(Slot s, Frame f) {
    switch (f.expect()) {
      case ERR -> s.errExpected++;
      case REGISTER -> s.registers++;
      case REPLY -> {
        String rid = f.body() instanceof JsonObject b && b.getValue("requestId") instanceof String r ? r : null;
        boolean first = false;
        if (rid != null) {
          requestIds.add(rid);
          if (requestIds.size() > 200) {
            requestIds.remove(0);
          }
          if (s.participantId == null) {
            s.idsOfUnknownSender.add(rid);
          } else {
            first = requestIdsOf.computeIfAbsent(s.participantId, k -> new HashSet<>()).add(rid)
                && !s.idsOfUnknownSender.contains(rid);
          }
        }
        if (changesWho(f)) {
          // What the socket is (a participant, a screen, nobody) is now this request's to say: a
          // reply to anything sent before it, answered as it was then, says nothing about after.
          s.epoch++;
        }
        if (s.pending.put(f.replyAddress(), new Pending(f, s.jam, s.participantId, rid, first, s.epoch,
            s.knownEpoch == s.epoch)) != null) {
          fail("generator", "reply address reused: " + f.replyAddress());
        }
      }
      case NONE -> {
        if (changesWho(f)) {
          s.epoch++; // no reply will say who the socket is now
        }
      }
      default -> { }
    }
  }

  /** Checks every frame a fuzz socket received since the last scan; learns ids and tokens from replies. */
  private void scan(Slot s, boolean fenced) {
    List<JsonObject> frames = s.client.frames();
    for (; s.scanned < frames.size(); s.scanned++) {
      JsonObject f = frames.get(s.scanned);
      traceLine("< " + s.index + " " + abbreviate(f.encode()));
      String type = f.getValue("type") instanceof String t ? t : null;
      String address = f.getValue("address") instanceof String a ? a : null;
      if ("err".equals(type)) {
        s.errSeen++;
        if (!(f.getValue("body") instanceof String b) || b.isEmpty()) {
          fail("err frame", "an err frame without a reason: " + f.encode());
        }
      } else if ("rec".equals(type) && address != null && s.pending.containsKey(address)) {
        reply(s, s.pending.remove(address), f.getValue("body"));
      } else if ("rec".equals(type) && address != null && address.startsWith("jam.events.")) {
        event(s, address.substring("jam.events.".length()), f.getValue("body"));
      } else {
        fail("unexpected frame", "socket " + s.index + " got a frame it was owed nothing for: " + abbreviate(f.encode()));
      }
    }
    if (fenced && !s.closing) {
      for (Pending p : s.pending.values()) {
        fail("silence", "no reply on " + p.frame().replyAddress() + " to " + abbreviate(p.frame().text()));
      }
      s.pending.clear();
      // Errs are written as frames arrive, so the fence's reply comes after all of them.
      if (s.errSeen < s.errExpected || s.errSeen > s.errExpected + s.registers) {
        fail("err count", "socket " + s.index + ": " + s.errSeen + " err frames for " + s.errExpected
            + " frames that must get one and " + s.registers + " registers that may");
      }
      s.errSeen = 0;
      s.errExpected = 0;
      s.registers = 0;
    }
    if (s.client.closed().isComplete() && !s.closing) {
      fail("unexpected close", "the server closed fuzz socket " + s.index + " with " + s.client.closeStatus());
      s.closing = true;
    }
  }

  private void event(Slot s, String code, Object body) {
    if (!(body instanceof JsonObject e) || !(e.getValue("type") instanceof String type)
        || !(e.getValue("rev") instanceof Number) || !(e.getValue("data") instanceof JsonObject data)) {
      fail("event shape", "not an event: " + abbreviate(String.valueOf(body)));
      return;
    }
    if (!code.equals(s.jam) && !fuzzParticipants.containsKey(code)) {
      fail("foreign event", "socket " + s.index + " got an event of a jam no fuzz socket joined: " + code);
    }
    boolean mine = data.getValue("participant") instanceof JsonObject p && s.participantId != null
        && s.participantId.equals(p.getString("id"));
    if (code.equals(s.jam) && ("session-ended".equals(type) || ("participant-left".equals(type) && mine))) {
      s.jam = null;
      s.participantId = null;
    }
  }

  private void reply(Slot s, Pending p, Object body) {
    Frame f = p.frame();
    if (!(body instanceof JsonObject r) || !(r.getValue("success") instanceof Boolean success)) {
      fail("envelope", "not a §3 envelope: " + abbreviate(String.valueOf(body)) + " for " + abbreviate(f.text()));
      return;
    }
    Object sentBody = f.body();
    int bodyBytes;
    try {
      // As on the wire: encoded to text, then UTF-8 (encoding straight to bytes would escape
      // every character outside the BMP as a surrogate pair, 12 bytes instead of 4).
      bodyBytes = sentBody == null ? 0
          : io.vertx.core.json.Json.encode(sentBody).getBytes(StandardCharsets.UTF_8).length;
    } catch (StackOverflowError tooDeep) {
      bodyBytes = f.text().length(); // nested too deep to encode here: only its size in the frame is known
    }
    if (!success) {
      String code = r.getValue("code") instanceof String c ? c : null;
      if ("jam.join-session".equals(f.cmd()) && code != null && Set.of("INTERNAL", "UNAVAILABLE").contains(code)) {
        traceLine("= " + s.index + " join on " + f.replyAddress() + " failed " + code + " (it may have been applied)");
      }
      if (code == null || !CODES.contains(code) || !(r.getValue("error") instanceof String e) || e.isBlank()) {
        fail("envelope", "a refusal without a §3 code and sentence: " + abbreviate(r.encode()));
        return;
      }
      if (bodyBytes > 1_100 && !"PAYLOAD_TOO_LARGE".equals(code)) {
        fail("size first", f.cmd() + " with a " + bodyBytes + "-byte body answered " + code + ", not PAYLOAD_TOO_LARGE ("
            + f.replyAddress() + ")");
      }
      if (!"jam.join-session".equals(f.cmd()) && "NOT_JOINED".equals(code) && f.cmd() != null) {
        if (s.jam != null && s.participantId != null && s.participantId.equals(p.participantId())) {
          s.jam = null;
          s.participantId = null;
        }
      }
      return;
    }
    if (!(r.getValue("data") instanceof JsonObject data)) {
      fail("envelope", "a success without data: " + abbreviate(r.encode()));
      return;
    }
    if (bodyBytes > 1_100) {
      fail("size first", f.cmd() + " with a " + bodyBytes + "-byte body succeeded");
    }
    if (sentBody != null && !(sentBody instanceof JsonObject)) {
      fail("body shape", f.cmd() + " with a non-object body " + abbreviate(String.valueOf(sentBody))
          + " succeeded (§8: INVALID_INPUT)");
    }
    JsonObject args = sentBody instanceof JsonObject b ? b : new JsonObject();
    switch (f.cmd()) {
      case "jam.join-session" -> learn(s, p, args, data);
      case "jam.snapshot" -> {
        if (data.containsKey("you")) {
          learn(s, p, args, data);
        } else {
          learnScreen(s, p, data);
        }
      }
      case "jam.watch" -> learnScreen(s, p, data);
      case "jam.leave-session", "jam.end-session" -> {
        // Who it was when it sent this: a participant, or a screen (§12: its leave ends the watch).
        boolean same = s.participantId != null ? s.participantId.equals(p.participantId())
            : s.jam != null && s.jam.equals(p.jam()) && p.participantId() == null && p.epoch() == s.epoch;
        if (same) {
          s.jam = null;
          s.participantId = null;
        }
      }
      case "jam.add-to-queue" -> {
        JsonObject item = data.getJsonObject("item");
        String song = item == null || item.getJsonObject("song") == null ? null : item.getJsonObject("song").getString("id");
        if (p.requestId() == null || p.firstUse()) {
          if (!args.getValue("songId", "").equals(song)) {
            fail("request id", "add-to-queue of " + args.getValue("songId") + " (requestId " + p.requestId()
                + ", first use by " + p.participantId() + ") answered with item " + abbreviate(String.valueOf(item)));
          }
        }
      }
      case "jam.vote" -> {
        JsonObject item = data.getJsonObject("item");
        if ((p.requestId() == null || p.firstUse()) && (item == null || !args.getValue("itemId", "").equals(item.getString("id")))) {
          fail("request id", "vote on " + args.getValue("itemId") + " (requestId " + p.requestId() + ", first use by "
              + p.participantId() + ") answered with item " + abbreviate(String.valueOf(item)));
        }
      }
      case "jam.time" -> {
        if (!(data.getValue("serverTime") instanceof Number)) {
          fail("envelope", "jam.time without serverTime: " + data.encode());
        }
      }
      default -> { }
    }
  }

  /** A join's or snapshot's data: who this socket now is. */
  private void learn(Slot s, Pending p, JsonObject args, JsonObject data) {
    JsonObject you = data.getJsonObject("you");
    String code = data.getString("code");
    if (you == null || code == null || !(data.getValue("participants") instanceof JsonArray)) {
      fail("snapshot shape", "a success of " + p.frame().cmd() + " whose data is no snapshot (§4): "
          + abbreviate(data.encode()) + " for " + abbreviate(p.frame().text()) + " from socket " + s.index);
      return;
    }
    String id = you.getString("participantId");
    String token = you.getString("resumeToken");
    traceLine("= " + s.index + " " + p.frame().cmd() + " on " + p.frame().replyAddress() + ": " + code + " as " + id);
    boolean known = p.epoch() == s.knownEpoch;
    if (p.epoch() == s.epoch) {
      s.knownEpoch = s.epoch; // this reply says who the socket is, and nothing sent since can change it unseen
    }
    if ("jam.join-session".equals(p.frame().cmd())) {
      if (args.getValue("code") instanceof String asked && !asked.toUpperCase(java.util.Locale.ROOT).equals(code)) {
        fail("join", "a join of " + asked + " answered with jam " + code);
      }
      // A join on a connection already in that jam answers for its participant, whatever the token (§9).
      // So does a retried request id (§9): the reply of the join it first came with.
      // Only when the fuzzer knew who the socket was: a join sent without a reply address may have bound it.
      boolean rejoin = code.equals(p.jam()) && p.participantId() != null;
      if (known && !rejoin && p.requestId() == null && args.getValue("resumeToken") instanceof String t && tokenOwner.containsKey(t)
          && !tokenOwner.get(t).equals(id)) {
        fail("resume", "a resume with " + tokenOwner.get(t) + "'s token gave participant " + id + " (socket "
            + s.index + ", reply address " + p.frame().replyAddress() + ")");
      }
      if (args.getValue("hostToken") instanceof String t) {
        for (Watch w : watches) {
          if (t.equals(w.hostToken) && w.code.equals(code)) {
            w.hostToken = null; // a host token works once
          }
        }
      }
    }
    if (p.epoch() == s.epoch) {
      s.jam = code;
      s.participantId = id;
    }
    List<String> ids = fuzzParticipants.computeIfAbsent(code, k -> new ArrayList<>());
    if (!ids.contains(id)) {
      ids.add(id);
    }
    if (token != null && tokenOwner.putIfAbsent(token, id) == null) {
      resumeTokens.add(token);
    } else if (token != null && !tokenOwner.get(token).equals(id)) {
      fail("resume", "two participants with one resume token: " + id + " and " + tokenOwner.get(token));
    }
  }

  /**
   * A watch's or a screen's snapshot (§12): the snapshot without {@code you}; the socket is now a
   * screen of that jam. A participant's own snapshot always has {@code you}.
   */
  private void learnScreen(Slot s, Pending p, JsonObject data) {
    String code = data.getString("code");
    if (data.containsKey("you") || code == null || !(data.getValue("participants") instanceof JsonArray)) {
      fail("screen snapshot", "a success of " + p.frame().cmd() + " that is no snapshot without you (§12): "
          + abbreviate(data.encode()) + " for " + abbreviate(p.frame().text()) + " from socket " + s.index);
      return;
    }
    // Only a belief a reply had confirmed: a snapshot sent while a watch was unanswered may find the
    // socket a screen, though a reply that came since (another snapshot's) says who it is now.
    if ("jam.snapshot".equals(p.frame().cmd()) && p.participantId() != null && p.whoKnown()
        && p.epoch() == s.knownEpoch) {
      fail("screen snapshot", "participant " + p.participantId() + " got a snapshot without you on socket " + s.index
          + " (" + p.frame().replyAddress() + ", epoch " + p.epoch() + ", now " + s.epoch + ")");
    }
    traceLine("= " + s.index + " " + p.frame().cmd() + " on " + p.frame().replyAddress() + ": screen of " + code);
    fuzzParticipants.computeIfAbsent(code, k -> new ArrayList<>()); // its events are expected now
    if (p.epoch() == s.epoch) {
      s.knownEpoch = s.epoch;
      s.jam = code;
      s.participantId = null;
    }
  }

  /** Closes a socket abruptly (sometimes right after a join, so the join's reply finds it gone) and opens a new one. */
  private void churn(Random rnd, FuzzFrames gen) throws Exception {
    Slot s = slots.get(rnd.nextInt(SOCKETS));
    scan(s, false);
    s.closing = true;
    int how = rnd.nextInt(3);
    if (how == 0 && !watches.isEmpty()) {
      Watch w = watches.get(rnd.nextInt(watches.size()));
      String join = new JsonObject().put("type", "send").put("address", "jam.join-session")
          .put("replyAddress", "churn").put("body", new JsonObject().put("code", w.code).put("userName", "Gone"))
          .encode();
      trace.write(s.index + " join-then-close " + join + "\n");
      s.client.sendRaw(join);
      frameCount++;
    }
    trace.write(s.index + " close " + how + "\n");
    if (how != 1) {
      s.client.kill();
    }
    s.client.close(); // also closes its WebSocketClient, which would otherwise keep the socket and its frames
    s.client.closed().await(10, TimeUnit.SECONDS);
    s.client.forgetFrames();
    s.client = BridgeClient.connect(server.clients, s.port);
    s.scanned = 0;
    s.pending.clear();
    s.errSeen = s.errExpected = s.registers = 0;
    s.epoch = s.knownEpoch = 0;
    s.jam = null;
    s.participantId = null;
    s.closing = false;
  }

  private void scanObserver(Watch w) throws Exception {
    List<JsonObject> frames = w.observer.frames();
    String address = "jam.events." + w.code;
    for (; w.scanned < frames.size(); w.scanned++) {
      JsonObject f = frames.get(w.scanned);
      if (address.equals(f.getString("address")) && f.getValue("body") instanceof JsonObject e) {
        w.live.apply(e);
      }
    }
    if (w.observer.closed().isComplete()) {
      fail("unexpected close", "the server closed the observer of " + w.code + " with " + w.observer.closeStatus());
    }
    if (w.live.ended() && !w.ended) {
      w.ended = true;
      watches.set(watches.indexOf(w), newJam(watches.size()));
      endedJams.add(w.code);
      w.observer.close(); // its events are checked: drop them
      w.observer.closed().await(10, TimeUnit.SECONDS);
      w.observer.forgetFrames();
    }
  }

  private final List<String> endedJams = new ArrayList<>();

  /** An observer that became host (the fuzz host left or timed out) hands the role back to a fuzz participant. */
  private void observerTurn(Random rnd) throws Exception {
    Watch w = watches.get(observerTurn++ % watches.size());
    if (w.ended || !w.observerId.equals(w.live.get("hostId"))) {
      return;
    }
    List<String> candidates = new ArrayList<>();
    if (w.live.get("participants") instanceof JsonArray ps) {
      for (Object o : ps) {
        JsonObject p = (JsonObject) o;
        if (!w.observerId.equals(p.getString("id")) && p.getBoolean("connected", false)) {
          candidates.add(p.getString("id"));
        }
      }
    }
    if (!candidates.isEmpty()) {
      JsonObject r = w.observer.request("jam.transfer-host",
          new JsonObject().put("participantId", candidates.get(rnd.nextInt(candidates.size()))));
      if (!(r.getValue("success") instanceof Boolean)) {
        fail("envelope", "observer's transfer-host got " + r.encode());
      }
    }
  }

  // ---- after the run ----

  /** Waits (on events) until each jam's observer sees nobody else connected, then checks a snapshot. */
  private void checkNoGhosts() throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    for (Watch w : watches) {
      while (!w.ended && connectedOthers(w.live.get("participants"), w.observerId).size() > 0
          && System.currentTimeMillis() < deadline) {
        awaitNextFrame(w, deadline);
        scanObserver(w);
      }
      JsonObject snap = snapshot(w);
      if (snap == null) {
        continue;
      }
      List<String> ghosts = connectedOthers(snap.getValue("participants"), w.observerId);
      if (!ghosts.isEmpty()) {
        fail("ghost", "jam " + w.code + ": connected without a socket after every fuzz socket closed: " + ghosts
            + " in " + snap.getValue("participants"));
      }
    }
  }

  private static List<String> connectedOthers(Object participants, String observerId) {
    List<String> out = new ArrayList<>();
    if (participants instanceof JsonArray ps) {
      for (Object o : ps) {
        JsonObject p = (JsonObject) o;
        if (p.getBoolean("connected", false) && !observerId.equals(p.getString("id"))) {
          out.add(p.getString("id"));
        }
      }
    }
    return out;
  }

  /** Each live jam's snapshot equals its observer's events applied with the rev rule; ended jams are gone. */
  private void checkSnapshotsMatchEvents() throws Exception {
    for (Watch w : watches) {
      JsonObject snap = snapshot(w);
      if (snap == null) {
        continue;
      }
      long rev = snap.getLong("rev");
      long deadline = System.currentTimeMillis() + 10_000;
      RevState rebuilt = rebuild(w, rev);
      while (!rebuilt.matches(snap) && System.currentTimeMillis() < deadline) {
        awaitNextFrame(w, deadline); // an event up to the snapshot's rev may still be on its way
        rebuilt = rebuild(w, rev);
      }
      if (!rebuilt.matches(snap)) {
        fail("rev rule", "jam " + w.code + " at rev " + rev + ": the snapshot and the observer's events differ:"
            + RevState.diff(RevState.view(snap), rebuilt.view()));
      }
    }
    for (String code : endedJams) {
      int status = server.get("/api/jam/session/" + code).statusCode();
      if (status != 404) {
        fail("ended", "jam " + code + " ended (its observer got session-ended) but its summary answers " + status);
      }
    }
    log("%d live jams compared, %d ended during the run", watches.size(), endedJams.size());
  }

  private RevState rebuild(Watch w, long upTo) {
    String address = "jam.events." + w.code;
    List<JsonObject> events = new ArrayList<>();
    for (JsonObject f : w.observer.frames()) {
      if (address.equals(f.getString("address")) && f.getValue("body") instanceof JsonObject e) {
        events.add(e);
      }
    }
    return RevState.rebuild(w.joinSnapshot, events, upTo);
  }

  private JsonObject snapshot(Watch w) throws Exception {
    if (w.ended) {
      return null;
    }
    JsonObject r = w.observer.request("jam.snapshot", null);
    if (!Boolean.TRUE.equals(r.getValue("success"))) {
      scanObserver(w);
      if (!w.ended) {
        fail("snapshot", "the observer of " + w.code + " could not read it: " + r.encode());
      }
      return null;
    }
    return r.getJsonObject("data");
  }

  private void awaitNextFrame(Watch w, long deadline) {
    long left = deadline - System.currentTimeMillis();
    if (left <= 0) {
      return;
    }
    try {
      w.observer.awaitAsync(w.observer.frames().size(), f -> true).await(left, TimeUnit.MILLISECONDS);
    } catch (Exception timeout) {
      // The caller decides.
    }
  }

  /** GET /health, and a fresh client on each gateway can create a jam, join it, queue a song and vote. */
  private void checkHealthy() throws Exception {
    if (server.get("/health").statusCode() != 200) {
      fail("health", "GET /health is not 200 after the run");
    }
    for (int port : server.ports) {
      JsonObject jam = server.create("After fuzz");
      BridgeClient c = server.connectTo(port, true);
      JamServer.Member m = server.join(c, jam.getString("sessionCode"), "Checker", jam.getString("hostToken"));
      JsonObject add = m.add(songIds.get(1));
      JsonObject add2 = m.add(songIds.get(2));
      String itemId = add2.getJsonObject("data", new JsonObject()).getJsonObject("item", new JsonObject()).getString("id");
      JsonObject vote = m.send("jam.vote", new JsonObject().put("itemId", itemId).put("value", 1));
      if (!Boolean.TRUE.equals(add.getValue("success")) || !Boolean.TRUE.equals(vote.getValue("success"))
          || vote.getJsonObject("data").getJsonObject("item").getInteger("up") != 1) {
        fail("health", "a fresh client on port " + port + " could not add and vote: " + add.encode() + " " + vote.encode());
      }
      c.close();
    }
  }

  // ---- set-up ----

  /** A jam with its observer joined and registered, before the fuzzer knows it exists. */
  private Watch newJam(int i) throws Exception {
    JsonObject created = server.create("Fuzz jam " + i);
    String code = created.getString("sessionCode");
    BridgeClient observer = BridgeClient.connect(server.clients, server.ports.get(server.ports.size() - 1));
    JamServer.Member m = server.join(observer, new JsonObject().put("code", code).put("userName", "Observer " + i));
    return new Watch(code, created.getString("hostToken"), observer, m.snapshot());
  }

  /** Loads what a first use loads (classes, pools, Hazelcast structures) so the heap baseline is fair. */
  private void warmUp() throws Exception {
    JsonObject jam = server.create("Warm-up");
    BridgeClient c = BridgeClient.connect(server.clients, server.port);
    JamServer.Member m = server.join(c, jam.getString("sessionCode"), "Warm", jam.getString("hostToken"));
    JsonObject add = m.add(songIds.get(0));
    m.send("jam.vote", new JsonObject().put("itemId", add.getJsonObject("data").getJsonObject("item").getString("id"))
        .put("value", 1));
    m.send("jam.snapshot", null);
    m.send("jam.end-session", null);
    c.close();
    c.closed().await(10, TimeUnit.SECONDS);
  }

  private FuzzFrames.World world() {
    return new FuzzFrames.World() {
      @Override
      public List<String> songIds() {
        return songIds;
      }

      @Override
      public List<String> jamCodes() {
        return watches.stream().map(w -> w.code).toList();
      }

      @Override
      public String hostToken(String code) {
        return watches.stream().filter(w -> w.code.equals(code)).findFirst().map(w -> w.hostToken).orElse(null);
      }

      @Override
      public List<String> itemIds(String code) {
        List<String> out = new ArrayList<>();
        for (Watch w : watches) {
          if (w.code.equals(code)) {
            if (w.live.get("queue") instanceof JsonArray q) {
              q.forEach(o -> out.add(((JsonObject) o).getString("id")));
            }
            if (w.live.get("current") instanceof JsonObject c) {
              out.add(c.getString("id"));
            }
          }
        }
        return out;
      }

      @Override
      public List<String> fuzzParticipants(String code) {
        return fuzzParticipants.getOrDefault(code, List.of());
      }

      @Override
      public List<String> resumeTokens() {
        return resumeTokens;
      }

      @Override
      public List<String> requestIds() {
        return requestIds;
      }
    };
  }

  // ---- helpers ----

  private void traceLine(String line) {
    try {
      trace.write(line);
      trace.write('\n');
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void fail(String kind, String message) {
    failureKinds.merge(kind, 1, Integer::sum);
    if (failures.size() < 60) {
      failures.add("[" + kind + "] " + message);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
  }

  /** The top of this JVM's class histogram (jcmd), to see what a leak holds. */
  private static String histogram() {
    try {
      Process p = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
          .redirectErrorStream(true).start();
      List<String> all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      List<String> lines = new ArrayList<>(all.subList(0, Math.min(30, all.size())));
      all.stream().skip(30).filter(l -> l.contains("jamsession") || l.contains("WebSocketImpl") || l.contains("JsonObject ")
          || l.contains("Http1xClientConnection") || l.contains("SocketChannel ")).limit(30).forEach(lines::add);
      p.waitFor(30, TimeUnit.SECONDS);
      return String.join("\n", lines);
    } catch (Exception e) {
      return "(no histogram: " + e + ")";
    }
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static void log(String format, Object... args) {
    System.out.printf("[fuzz] " + format + "%n", args);
  }
}
