package dev.jamsession.systemtests;

import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A participant of one jam, as a client program: joins through a gateway, subscribes to the jam's
 * events, sends commands with a request id (and retries an unanswered one once with the same id,
 * as a browser would), and writes every outcome to the {@link Ledger}. After its gateway dies it
 * reconnects elsewhere with its resume token.
 */
final class Player {
  /** Failures that do not tell whether the command was applied: a retry may be needed. */
  static final Set<String> AMBIGUOUS_CODES = Set.of("UNAVAILABLE", "INTERNAL");
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(12);

  final String name;
  final String code;
  private final Vertx vertx;
  private final Ledger ledger;
  private volatile BridgeClient bus;
  /** Notified when a (re)connection installs a new {@link #bus}. */
  private final Object connection = new Object();
  private volatile String participantId;
  private volatile String resumeToken;
  private volatile boolean host;

  private Player(Vertx vertx, Ledger ledger, String code, String name) {
    this.vertx = vertx;
    this.ledger = ledger;
    this.code = code;
    this.name = name;
  }

  /** Connects to the gateway on {@code port} and joins (as host when a hostToken is given). */
  static Player join(Vertx vertx, Ledger ledger, int port, String code, String name, String hostToken) throws Exception {
    Player p = new Player(vertx, ledger, code, name);
    JsonObject body = new JsonObject().put("code", code).put("userName", name);
    if (hostToken != null) {
      body.put("hostToken", hostToken);
    }
    JsonObject snapshot = p.connectAndJoin(port, body);
    JsonObject you = snapshot.getJsonObject("you");
    p.participantId = you.getString("participantId");
    p.resumeToken = you.getString("resumeToken");
    p.host = you.getBoolean("isHost");
    return p;
  }

  /**
   * Joins on a new connection to {@code port}: join-session, register the events, wait for
   * {@code subscribed}, then jam.snapshot (PROTOCOL §9) to cover anything in between. Returns
   * that snapshot.
   */
  private JsonObject connectAndJoin(int port, JsonObject joinBody) throws Exception {
    BridgeClient client = BridgeClient.connect(vertx, port);
    JsonObject reply = client.request("jam.join-session", joinBody, REQUEST_TIMEOUT);
    if (!Boolean.TRUE.equals(reply.getBoolean("success"))) {
      client.close();
      throw new AssertionError(name + " could not join " + code + " on port " + port + ": " + reply.encode());
    }
    int from = client.frames().size();
    client.register("jam.events." + code);
    client.awaitEvent(from, "subscribed", Duration.ofSeconds(10));
    synchronized (connection) {
      bus = client;
      connection.notifyAll();
    }
    JsonObject snap = client.request("jam.snapshot", new JsonObject(), REQUEST_TIMEOUT);
    if (!Boolean.TRUE.equals(snap.getBoolean("success"))) {
      throw new AssertionError(name + " could not read the snapshot of " + code + ": " + snap.encode());
    }
    return snap.getJsonObject("data");
  }

  /** After a lost connection: joins again through {@code port} with the resume token; returns the snapshot. */
  JsonObject resume(int port) throws Exception {
    BridgeClient old = bus;
    if (old != null) {
      old.close();
    }
    return connectAndJoin(port, new JsonObject().put("code", code).put("resumeToken", resumeToken));
  }

  BridgeClient bus() {
    return bus;
  }

  /**
   * Waits at most {@code max} for an open connection: returns at once when there is one, as soon
   * as a resume installs one, or false when none came in time.
   */
  boolean awaitOpen(Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    synchronized (connection) {
      while (bus == null || !bus.isOpen()) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(connection, left);
      }
      return true;
    }
  }

  String participantId() {
    return participantId;
  }

  boolean isHost() {
    return host;
  }

  /** jam.snapshot on the current connection: the data, or an AssertionError with the refusal. */
  JsonObject snapshot() throws Exception {
    JsonObject reply = bus.request("jam.snapshot", new JsonObject(), REQUEST_TIMEOUT);
    if (!Boolean.TRUE.equals(reply.getBoolean("success"))) {
      throw new AssertionError(name + ": snapshot of " + code + " refused: " + reply.encode());
    }
    return reply.getJsonObject("data");
  }

  Ledger.Attempt add(String songId) {
    return send(Ledger.Kind.ADD, "jam.add-to-queue", new JsonObject().put("songId", songId), null, songId, 0);
  }

  Ledger.Attempt vote(String itemId, int value) {
    return send(Ledger.Kind.VOTE, "jam.vote", new JsonObject().put("itemId", itemId).put("value", value),
        itemId, null, value);
  }

  Ledger.Attempt voteSkip(boolean value) {
    return send(Ledger.Kind.SKIP, "jam.vote-skip", new JsonObject().put("value", value), null, null, value ? 1 : 0);
  }

  /** One command with a fresh request id; an ambiguous failure is retried once with the same id. */
  private Ledger.Attempt send(Ledger.Kind kind, String address, JsonObject body, String itemId, String songId, int value) {
    String requestId = UUID.randomUUID().toString();
    body.put("requestId", requestId);
    Ledger.Attempt first = attempt(kind, address, body, requestId, itemId, songId, value, false);
    if (first.outcome() != Ledger.Outcome.UNKNOWN || !bus.isOpen()) {
      return first;
    }
    return attempt(kind, address, body, requestId, itemId, songId, value, true);
  }

  private Ledger.Attempt attempt(Ledger.Kind kind, String address, JsonObject body, String requestId,
                                 String itemId, String songId, int value, boolean retry) {
    long sent = System.nanoTime();
    JsonObject reply = null;
    String failure = null;
    try {
      reply = bus.request(address, body.copy(), REQUEST_TIMEOUT);
    } catch (Exception e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    Ledger.Outcome outcome;
    if (reply == null) {
      outcome = Ledger.Outcome.UNKNOWN;
    } else if (Boolean.TRUE.equals(reply.getBoolean("success"))) {
      outcome = Ledger.Outcome.ACK;
      if (kind == Ledger.Kind.ADD) {
        itemId = reply.getJsonObject("data").getJsonObject("item").getString("id");
      }
    } else if (AMBIGUOUS_CODES.contains(reply.getString("code"))) {
      outcome = Ledger.Outcome.UNKNOWN;
    } else {
      outcome = Ledger.Outcome.REFUSED;
    }
    return ledger.record(new Ledger.Attempt(code, participantId, name, kind, requestId, retry, itemId, songId,
        value, outcome, reply == null ? failure : reply.getString("code"), sent, System.nanoTime()));
  }

  void close() {
    if (bus != null) {
      bus.close();
    }
  }

  @Override
  public String toString() {
    return name + "@" + code;
  }
}
