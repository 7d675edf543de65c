package dev.jamsession.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The protocol fuzzer's frame generator: valid commands for a socket's situation, mutations of
 * them (wrong types, huge and deeply nested values, unicode edge cases, request-id replays) and
 * frames no client should send (non-JSON, unknown types and addresses, internal addresses, over
 * 4 KB). Every choice comes from one seeded {@link Random}; what a choice refers to (an item id,
 * a resume token) comes from what the run has seen so far.
 *
 * <p>Also says what the bridge must answer to each frame, from PROTOCOL §1, §8 and §9 alone: a
 * reply on the reply address for a {@code send} of a public command with a usable reply address,
 * an {@code err} frame for a frame that cannot be parsed or names what a browser may not use.
 */
final class FuzzFrames {
  /** What the bridge owes a frame. */
  enum Expect {
    /** A §3 envelope on the frame's reply address, exactly once. */
    REPLY,
    /** One {@code err} frame. */
    ERR,
    /** Nothing (ping, unregister, a send without a reply address). */
    NONE,
    /** An {@code err} (not this connection's jam) or a {@code subscribed} event or, if superseded, nothing. */
    REGISTER
  }

  record Frame(int slot, String text, Expect expect, String replyAddress, String cmd, Object body, String kind) {}

  /** What the generator may refer to; filled by the harness from the replies and events it saw. */
  interface World {
    List<String> songIds();

    /** The live jams' codes. */
    List<String> jamCodes();

    /** A jam's host token, or null once a join used it. */
    String hostToken(String code);

    /** Item ids the jam's observer last saw (queue and current). */
    List<String> itemIds(String code);

    /** Participant ids of the fuzzer's own participants in the jam (never the observer's). */
    List<String> fuzzParticipants(String code);

    /** Every resume token handed to a fuzz socket so far (some no longer valid). */
    List<String> resumeTokens();

    /** Request ids already used by some socket. */
    List<String> requestIds();
  }

  /** The commands of PROTOCOL §4 and §12. */
  static final List<String> COMMANDS = List.of("jam.join-session", "jam.leave-session", "jam.add-to-queue",
      "jam.vote", "jam.remove-from-queue", "jam.play-next", "jam.playback-update", "jam.vote-skip",
      "jam.update-settings", "jam.kick", "jam.transfer-host", "jam.end-session", "jam.snapshot",
      "jam.get-recommendations", "jam.time", "jam.react", "jam.watch");
  /** The reactions of §12, a bare heart (taken as ❤️) and some that are none. */
  private static final List<String> EMOJI = List.of("🔥", "\u2764\uFE0F", "👏", "🎉", "😂", "👎", "\u2764",
      "🙂", "🔥🔥", "\u2764\uFE0E", "");
  private static final Set<String> PUBLIC = Set.copyOf(COMMANDS);
  private static final int MAX_FRAME_BYTES = 4 * 1024;
  private static final String PING = "{\"type\":\"ping\"}";
  /** Private-use placeholders, replaced in the encoded text by JSON escapes of lone surrogates. */
  private static final String LONE_HIGH = "\uE000LH\uE000";
  private static final String LONE_LOW = "\uE000LL\uE000";

  /** Strings that have broken servers: controls, bidi and format characters, surrogates, stacking. */
  static final List<String> NASTY = List.of(
      "", " ", "   \t ", "\u0000", "a\u0000b", "\u0007bell", "\u200F", "\u202Eevil\u202C", "\u200Bzw", "\uFEFFbom",
      "\u2028line", "\u3164", "\u2800", "\u115F", "مرحبا بالعالم", "שלום\u200F", "🎧🎶🔥", "👩‍👩‍👧‍👦",
      "🏳️‍🌈", "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "Z\u0351\u0352\u0357\u035B\u0346\u0342\u0310",
      "x".repeat(20), "x".repeat(21), "🎵".repeat(20), "🎵".repeat(21), "  Ana  ", "Ana", "ana", "Host",
      LONE_HIGH, LONE_LOW, "a" + LONE_HIGH + "b", LONE_LOW + LONE_HIGH, "\uDBFF\uDFFF", "\uFFFF", "\uFFFE",
      "jam.events.AAAAAA", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\\u0000",
      "null", "undefined", "NaN", "ÅÄÖ", "İı", "ß", "ﬃ", "Ⅻ", "١٢٣");

  /**
   * A command: the rolls below {@code below} pick it (the rows are in order, each taking the rolls
   * from the row before); {@code body} fills its body for the jam's code.
   */
  private record Choice(int below, String address, BiConsumer<String, JsonObject> body) {}

  private static final BiConsumer<String, JsonObject> NO_BODY = (code, body) -> { };

  private final Random rnd;
  private final World world;
  /** The well-formed commands of a bound socket, by their share of the rolls (of 100, from 8). */
  private final List<Choice> commands;
  private long counter;

  FuzzFrames(Random rnd, World world) {
    this.rnd = rnd;
    this.world = world;
    this.commands = List.of(
        new Choice(26, "jam.add-to-queue", (code, body) -> body.put("songId", pick(world.songIds()))),
        new Choice(44, "jam.vote", (code, body) -> body.put("itemId", itemId(code)).put("value", rnd.nextInt(3) - 1)),
        new Choice(49, "jam.remove-from-queue", (code, body) -> body.put("itemId", itemId(code))),
        new Choice(53, "jam.play-next", NO_BODY),
        new Choice(59, "jam.playback-update", (code, body) -> playback(body)),
        new Choice(65, "jam.vote-skip", (code, body) -> body.put("value", rnd.nextBoolean())),
        new Choice(71, "jam.update-settings", (code, body) -> settings(body)),
        new Choice(74, "jam.kick", (code, body) -> body.put("participantId", participant(code))),
        new Choice(78, "jam.transfer-host", (code, body) -> body.put("participantId", participant(code))),
        new Choice(82, "jam.snapshot", NO_BODY),
        new Choice(85, "jam.react", (code, body) -> body.put("emoji", pick(EMOJI))),
        new Choice(88, "jam.get-recommendations", (code, body) -> {
          if (rnd.nextBoolean()) {
            body.put("limit", 1 + rnd.nextInt(50));
          }
        }),
        new Choice(92, "jam.time", NO_BODY),
        new Choice(95, "jam.leave-session", NO_BODY));
  }

  /** The next frame for a socket currently bound (as far as the fuzzer knows) to {@code jam}, or null. */
  Frame next(int slot, String jam) {
    int roll = rnd.nextInt(100);
    if (roll < 45) {
      return valid(slot, jam);
    }
    if (roll < 72) {
      return mutate(slot, valid(slot, jam));
    }
    if (roll < 85) {
      return lifecycle(slot, jam);
    }
    return garbage(slot);
  }

  /** A join of {@code code} with the jam's host token if nobody used it yet. */
  Frame hostJoin(int slot, String code, String hostToken) {
    return raw(slot, new JsonObject().put("type", "send").put("address", "jam.join-session")
        .put("replyAddress", "host-join-" + slot).put("body", new JsonObject().put("code", code)
            .put("userName", "Fuzz host " + slot).put("hostToken", hostToken)).encode(), "host-join");
  }

  /** A frame that must be answered, so that its reply proves the socket handled all before it. */
  Frame fence(int slot) {
    return raw(slot, new JsonObject().put("type", "send").put("address", "jam.time")
        .put("replyAddress", "fence-" + slot + "-" + (counter++)).encode(), "fence");
  }

  // ---- well-formed commands ----

  private Frame valid(int slot, String jam) {
    String code = jam != null ? jam : pick(world.jamCodes());
    int roll = rnd.nextInt(100);
    if (jam == null || roll < 8) {
      return join(slot, code);
    }
    JsonObject body = new JsonObject();
    Choice command = commands.stream().filter(c -> roll < c.below()).findFirst().orElse(null);
    String cmd;
    if (command != null) {
      cmd = command.address();
      command.body().accept(code, body);
    } else if (roll < 96 && rnd.nextInt(4) == 0) {
      cmd = "jam.end-session";
    } else {
      return join(slot, code);
    }
    if (rnd.nextInt(5) == 0) {
      body.put("requestId", requestId());
    }
    return send(slot, cmd, body.isEmpty() && rnd.nextBoolean() ? null : body, "valid");
  }

  private Frame join(int slot, String code) {
    JsonObject body = new JsonObject().put("code", rnd.nextInt(6) == 0 ? code.toLowerCase() : code);
    int roll = rnd.nextInt(100);
    if (roll < 30 && !world.resumeTokens().isEmpty()) {
      body.put("resumeToken", pick(world.resumeTokens())); // ours, another socket's, or a dead one
      if (rnd.nextBoolean()) {
        body.put("userName", name());
      }
    } else {
      body.put("userName", roll < 80 ? "Fuzz " + slot + "." + rnd.nextInt(100) : name());
      String token = world.hostToken(code);
      if (roll >= 95 && token != null) {
        body.put("hostToken", token);
      } else if (roll >= 90) {
        body.put("hostToken", randomToken());
      }
    }
    if (rnd.nextInt(4) == 0) {
      body.put("requestId", requestId());
    }
    return send(slot, "jam.join-session", body, "join");
  }

  /** Becomes a screen of the jam (§12): any socket may, a participant leaves its jam by it. */
  private Frame watch(int slot, String code) {
    JsonObject body = new JsonObject().put("code", rnd.nextInt(6) == 0 ? code.toLowerCase() : code);
    if (rnd.nextInt(4) == 0) {
      body.put("requestId", requestId());
    }
    return send(slot, "jam.watch", body, "watch");
  }

  private void playback(JsonObject body) {
    if (rnd.nextBoolean()) {
      body.put("isPlaying", rnd.nextBoolean());
    }
    if (body.isEmpty() || rnd.nextBoolean()) {
      body.put("positionMs", (long) rnd.nextInt(400_000));
    }
  }

  private void settings(JsonObject body) {
    switch (rnd.nextInt(16)) {
      case 0 -> body.put("allowVoting", rnd.nextInt(4) != 0);
      case 1 -> body.put("maxQueueSize", 3 + rnd.nextInt(60));
      case 2 -> body.put("autoPlay", rnd.nextInt(3) != 0);
      case 3 -> body.put("skipThreshold", (1 + rnd.nextInt(10)) / 10.0);
      case 4 -> body.put("maxParticipants", 2 + rnd.nextInt(40));
      case 5 -> body.put("guestsControlPlayback", rnd.nextBoolean());
      case 6 -> body.put("listed", rnd.nextBoolean());
      case 7 -> body.put("autofill", rnd.nextBoolean());
      case 8 -> body.put("guestsCanAdd", rnd.nextInt(4) != 0);
      case 9 -> body.put("maxSongsPerPerson", rnd.nextInt(6));
      case 10 -> body.put("maxSongDurationMs", pick(List.of(0, 30_000, 120_000, 240_000, 3_600_000)));
      case 11 -> body.put("blockedGenres", rnd.nextBoolean() ? new JsonArray()
          : new JsonArray().add(pick(List.of("Rock", "jazz", "POP", "Electronic", "Folk"))));
      case 12 -> body.put("fairQueue", rnd.nextBoolean());
      case 13 -> body.put("reactions", rnd.nextInt(4) != 0);
      case 14 -> body.put("skipMaxVotes", rnd.nextInt(12));
      default -> body.put("allowVoting", true).put("maxQueueSize", 50).put("autoPlay", true)
          .put("maxParticipants", 50).put("skipThreshold", 0.5).put("guestsCanAdd", true)
          .put("maxSongsPerPerson", 0).put("reactions", true);
    }
  }

  // ---- mutations of a valid frame ----

  private Frame mutate(int slot, Frame base) {
    Object body = base.body() == null ? new JsonObject() : base.body();
    String cmd = base.cmd();
    int roll = rnd.nextInt(14);
    switch (roll) {
      case 0 -> body = weird(); // the body itself of a wrong type
      case 1 -> { // every field of a wrong type
        JsonObject b = ((JsonObject) body).copy();
        for (String k : b.fieldNames().toArray(new String[0])) {
          b.put(k, weird());
        }
        if (b.isEmpty()) {
          b.put(pick(List.of("songId", "itemId", "value", "participantId", "code", "limit")), weird());
        }
        body = b;
      }
      case 2 -> body = ((JsonObject) body).copy().put(pick(List.of("songId", "itemId", "userName", "positionMs")),
          nested(rnd.nextInt(4) == 0 ? 990 + rnd.nextInt(40) : 1 + rnd.nextInt(200)));
      case 3 -> body = ((JsonObject) body).copy().put(pick(List.of("songId", "userName", "itemId", "requestId")),
          "y".repeat(rnd.nextBoolean() ? 1_000 + rnd.nextInt(2_500) : 10 + rnd.nextInt(900)));
      case 4 -> {
        JsonArray a = new JsonArray();
        int n = rnd.nextBoolean() ? 600 + rnd.nextInt(1_200) : rnd.nextInt(100);
        for (int i = 0; i < n; i++) {
          a.add(rnd.nextInt(10));
        }
        body = ((JsonObject) body).copy().put(pick(List.of("songId", "itemId", "value", "blockedGenres")), a);
      }
      case 5 -> body = ((JsonObject) body).copy().put(pick(List.of("songId", "itemId", "userName", "participantId",
          "code", "resumeToken", "hostToken", "requestId", "emoji", "blockedGenres")), pick(NASTY));
      case 6 -> body = ((JsonObject) body).copy() // identity fields a client may not set (§2)
          .put("participantId", pick(world.fuzzParticipants(pick(world.jamCodes())), "p-x"))
          .put("userId", "admin").put("hostId", "p-1").put("isHost", true).put("connectionId", "x/y");
      case 7 -> body = ((JsonObject) body).copy().put("requestId", rnd.nextBoolean() && !world.requestIds().isEmpty()
          ? pick(world.requestIds()) : pick(List.of("", "x".repeat(64), "x".repeat(65), LONE_HIGH)));
      case 8 -> body = ((JsonObject) body).copy().put(pick(List.of("value", "positionMs", "limit", "maxQueueSize",
          "skipThreshold", "maxParticipants")), pick(List.of(1.5, -1, -0.0, 1e300, Long.MAX_VALUE, Long.MIN_VALUE,
          0, 2, 201, 1_000_000_000_000L, Double.MIN_VALUE)));
      case 9 -> body = null;
      case 10 -> cmd = pick(List.of("jam.Vote", "jam.vote ", "jam.", "jam.events.ABCDEF", "jam.vote\u0000", "jam.admin",
          "session.command", "session.create", "session.expire", "session.disconnect", "recommender.recommend",
          "vertx.x", "", "JAM.VOTE", "jam.vote/..", "jam.join-session\u200F"));
      case 11 -> {
        return raw(slot, new JsonObject().put("type", "send").put("address", cmd).put("body", body)
            .put("replyAddress", pick(List.of(7, true, new JsonObject(), new JsonArray(), "r".repeat(65),
                "\u0000" + (counter++), "r".repeat(60) + (counter++ % 1000))))
            .encode(), "bad-reply-address");
      }
      case 12 -> body = ((JsonObject) body).copy().put("extra", new JsonObject().put("deep", nested(50)))
          .put("\u0000key", 1).put("", "empty key").put("__proto__", new JsonObject().put("isHost", true));
      default -> { // a number literal Jackson reads as a BigInteger or an infinity
        String text = send(slot, cmd, body, "big-number").text();
        String number = pick(List.of("1e400", "-1e400", "123456789012345678901234567890", "1E-400", "0.1e1"));
        return raw(slot, text.replaceFirst("\"body\":\\{", "\"body\":{\"value\":" + number + ",\"positionMs\":"
            + number + ",\"limit\":" + number + ","), "big-number");
      }
    }
    return send(slot, cmd, body, "mutated");
  }

  private Object weird() {
    return switch (rnd.nextInt(12)) {
      case 0 -> null;
      case 1 -> rnd.nextBoolean();
      case 2 -> rnd.nextInt();
      case 3 -> rnd.nextDouble() * 1e12;
      case 4 -> pick(NASTY);
      case 5 -> new JsonArray().add(1).add("a").addNull();
      case 6 -> new JsonObject().put("a", new JsonObject().put("b", 1));
      case 7 -> nested(1 + rnd.nextInt(100));
      case 8 -> "";
      case 9 -> Long.MAX_VALUE;
      case 10 -> -1;
      default -> "x".repeat(rnd.nextInt(300));
    };
  }

  /**
   * A value nested {@code depth} levels deep, as a placeholder that {@link #raw} turns into JSON
   * text: building it as a JsonObject would overflow this thread's stack when encoded.
   */
  private static Object nested(int depth) {
    return NEST + depth + "\uE000";
  }

  private static final String NEST = "\uE000NEST";
  private static final java.util.regex.Pattern NESTED = java.util.regex.Pattern.compile("\"\uE000NEST(\\d+)\uE000\"");

  private static String expandNested(String text) {
    java.util.regex.Matcher m = NESTED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int depth = Integer.parseInt(m.group(1));
      m.appendReplacement(out, "[".repeat(depth) + "\"deep\"" + "]".repeat(depth));
    }
    m.appendTail(out);
    return out.toString();
  }

  // ---- joins, leaves, registrations ----

  private Frame lifecycle(int slot, String jam) {
    String code = jam != null && rnd.nextInt(3) != 0 ? jam : pick(world.jamCodes());
    return switch (rnd.nextInt(9)) {
      case 0, 1 -> join(slot, code);
      case 7 -> watch(slot, code);
      case 2 -> send(slot, "jam.leave-session", rnd.nextBoolean() ? null : new JsonObject(), "leave");
      case 3, 4 -> raw(slot, new JsonObject().put("type", "register").put("address", rnd.nextInt(5) == 0
          ? pick(List.of("jam.events." + code.toLowerCase(), "jam.events.", "jam.events.*", "jam.events.#",
          "session.command", "jam.events.ZZZZZZ", "jam.events." + code + " ")) : "jam.events." + code).encode(), "register");
      case 5 -> raw(slot, new JsonObject().put("type", "unregister").put("address", "jam.events." + code).encode(),
          "unregister");
      case 6 -> raw(slot, PING, "ping");
      default -> { // a join, and at once a leave or another join (the second is refused while the first is in flight)
        Frame first = join(slot, code);
        yield first;
      }
    };
  }

  // ---- what no client should send ----

  private Frame garbage(int slot) {
    String text = switch (rnd.nextInt(16)) {
      case 0 -> "not json at all";
      case 1 -> "{\"type\":\"send\",\"address\":\"jam.time\",\"replyAddress\":\"r-" + slot + "\"";
      case 2 -> "[" + "1,".repeat(rnd.nextInt(100)) + "1]";
      case 3 -> "\"a string\"";
      case 4 -> "{}";
      case 5 -> new JsonObject().put("type", pick(List.of("publish", "PING", "Send", "rec", "err", "", "subscribe")))
          .put("address", "jam.time").put("body", new JsonObject()).encode();
      case 6 -> new JsonObject().put("type", 42).put("address", "jam.time").encode();
      case 7 -> "{\"type\":\"send\",\"address\":\"jam.snapshot\",\"replyAddress\":\"r-" + (counter++) + "-" + slot
          + "\",\"body\":" + "[".repeat(1_200 + rnd.nextInt(600)) + "]".repeat(1) + "}";
      case 8 -> new JsonObject().put("type", "send").put("address", "jam.time").put("replyAddress", replyAddress(slot))
          .put("body", "z".repeat(4_100 + rnd.nextInt(30_000))).encode(); // over 4 KB: refused unparsed
      case 9 -> "x".repeat(5_000 + rnd.nextInt(50_000));
      case 10 -> new JsonObject().put("type", "send").put("address", pick(List.of("session.command", "session.create",
          "session.expire", "session.disconnect", "session.stats", "recommender.recommend", "jam.events.AAAAAA",
          "__vertx.reply.1", "")))
          .put("replyAddress", replyAddress(slot)).put("body", new JsonObject().put("cmd", "jam.end-session")
              .put("code", pick(world.jamCodes())).put("participantId", "p-1")).encode();
      case 11 -> new JsonObject().put("type", "send").put("address", 12).put("replyAddress", replyAddress(slot)).encode();
      case 12 -> "{\"type\":\"send\",\"type\":\"register\",\"address\":\"jam.time\",\"replyAddress\":\""
          + replyAddress(slot) + "\"}"; // a duplicate key
      case 13 -> "{\"type\":\"ping\" }"; // a ping that is not byte-for-byte the keep-alive
      case 14 -> "\uFEFF{\"type\":\"ping\"}";
      default -> "";
    };
    return raw(slot, text, "garbage");
  }

  // ---- building blocks ----

  private Frame send(int slot, String cmd, Object body, String kind) {
    String reply = rnd.nextInt(20) == 0 ? null : replyAddress(slot);
    JsonObject frame = new JsonObject().put("type", "send").put("address", cmd);
    if (reply != null) {
      frame.put("replyAddress", reply);
    }
    if (body != null || rnd.nextInt(3) == 0) {
      frame.put("body", body);
    }
    return raw(slot, frame.encode(), kind);
  }

  /** The frame as written, with what the bridge owes it by PROTOCOL alone. */
  Frame raw(int slot, String text, String kind) {
    text = escapeLoneSurrogates(expandNested(text.replace(LONE_HIGH, "\\ud83c").replace(LONE_LOW, "\\udfb5")));
    Expect expect = Expect.ERR;
    String replyAddress = null;
    String cmd = null;
    Object body = null;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (text.equals(PING)) {
      expect = Expect.NONE;
    } else if (bytes.length <= MAX_FRAME_BYTES) {
      try {
        JsonObject frame = new JsonObject(Buffer.buffer(bytes));
        String type = frame.getString("type");
        Object address = frame.getValue("address");
        Object reply = frame.getValue("replyAddress");
        if ("ping".equals(type) || "unregister".equals(type)) {
          expect = Expect.NONE;
        } else if ("register".equals(type)) {
          expect = Expect.REGISTER;
        } else if ("send".equals(type) && address instanceof String a && PUBLIC.contains(a)) {
          cmd = a;
          body = frame.getValue("body");
          if (reply == null) {
            expect = Expect.NONE;
          } else if (reply instanceof String r && r.length() <= 64) {
            expect = Expect.REPLY;
            replyAddress = r;
          }
        }
      } catch (RuntimeException | StackOverflowError e) {
        expect = Expect.ERR; // not JSON, not an object, a type of the wrong type, or too deep to read
      }
    }
    return new Frame(slot, text, expect, replyAddress, cmd, body, kind);
  }

  /**
   * A frame built from a body the fuzzer parsed back holds lone surrogates as chars, which UTF-8
   * cannot carry (they would go out as '?'): they go out as JSON escapes, as first generated.
   */
  private static String escapeLoneSurrogates(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(text.substring(0, i));
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private String replyAddress(int slot) {
    return "r-" + slot + "-" + (counter++) + (rnd.nextInt(30) == 0 ? "-\u00e9\u4e2d\u200F" : "");
  }

  private String requestId() {
    if (!world.requestIds().isEmpty() && rnd.nextInt(3) == 0) {
      return pick(world.requestIds()); // a replay: some other socket's, or this one's
    }
    return "req-" + rnd.nextInt(1_000);
  }

  private String itemId(String code) {
    List<String> items = world.itemIds(code);
    return items.isEmpty() || rnd.nextInt(10) == 0 ? "q-" + rnd.nextInt(1_000) : pick(items);
  }

  private String participant(String code) {
    List<String> ps = world.fuzzParticipants(code);
    return ps.isEmpty() || rnd.nextInt(8) == 0 ? "p-" + rnd.nextInt(1_000) : pick(ps);
  }

  private String name() {
    return rnd.nextBoolean() ? pick(NASTY) : pick(NASTY) + pick(NASTY);
  }

  private String randomToken() {
    return Long.toHexString(rnd.nextLong()) + Long.toHexString(rnd.nextLong());
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private <T> T pick(List<T> list, T fallback) {
    return list.isEmpty() ? fallback : pick(list);
  }
}
