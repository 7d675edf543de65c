package dev.jamsession.benchmarks.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One event loop of the generator: it owns a share of the connections (joins them, pings them,
 * reads their frames) and sends its voting members' votes when the schedule says so, whatever
 * the server has answered.
 */
final class Driver extends VerticleBase {
  private static final long REQUEST_TIMEOUT_MS = 30_000;
  private static final int PING_SLICES = 10;
  private static final String PING = "{\"type\":\"ping\"}";
  private static final int SETUP_ATTEMPTS = 5;

  /** A refused request: the reply's code, or the bridge's failureType. */
  static final class Refused extends RuntimeException {
    final String code;

    Refused(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private final URI base;
  private final long pingMillis;
  private final List<Member> members = new ArrayList<>();
  /** The voting members this loop sends for, by schedule slot (ascending). */
  private final List<Member> voters = new ArrayList<>();
  private final List<Integer> slots = new ArrayList<>();
  private final Frame frame = new Frame();
  private WebSocketClient client; // kept: Vert.x 5 closes clients that are garbage-collected
  private long pingTick;
  // Touched on this loop only; read after the run.
  final Map<String, Integer> errorCodes = new HashMap<>();
  int errFrames;
  int unexpectedCloses;
  /** Set when the run is over: closes from then on are the harness's own. */
  private boolean stopping;
  // The schedule: this loop's next vote is round * votingMembers + slots[position].
  private VoteLog log;
  private int votingMembers;
  private long round;
  private int position;
  private Promise<Void> votingDone;

  Driver(URI base, double pingSeconds) {
    this.base = base;
    this.pingMillis = Math.max(1, Math.round(pingSeconds * 1000 / PING_SLICES));
  }

  void own(Member m) {
    members.add(m);
  }

  void ownVoter(int slot, Member m) {
    slots.add(slot);
    voters.add(m);
  }

  @Override
  public Future<?> start() {
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(Integer.MAX_VALUE)
        .setMaxFrameSize(1 << 20)
        .setMaxMessageSize(16 << 20)
        .setConnectTimeout(30_000));
    // Each tick pings a tenth of the connections, so every one pings once per period.
    vertx.setPeriodic(pingMillis, id -> {
      long slice = pingTick++ % PING_SLICES;
      for (int i = (int) slice; i < members.size(); i += PING_SLICES) {
        Member m = members.get(i);
        if (m.ws != null && !m.closed) {
          m.ws.writeTextMessage(PING);
        }
      }
    });
    return Future.succeededFuture();
  }

  /** Stops counting closes: the harness is about to close every connection. */
  Future<Void> endRun() {
    stopping = true;
    return Future.succeededFuture();
  }

  /** Runs {@code work} on this driver's event loop. */
  <T> Future<T> onLoop(Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(done));
    return done.future();
  }

  /** Runs {@code work} for each of {@code list}, at most {@code window} at a time; the future counts the failures. */
  Future<Integer> forEach(List<Member> list, int window, Function<Member, Future<?>> work) {
    Promise<Integer> all = Promise.promise();
    int[] next = {0};
    int[] finished = {0};
    int[] failed = {0};
    Runnable[] startNext = new Runnable[1];
    startNext[0] = () -> {
      if (next[0] >= list.size()) {
        return;
      }
      work.apply(list.get(next[0]++)).onComplete(ar -> {
        if (ar.failed() && failed[0]++ == 0) {
          System.err.println("setup failed: " + ar.cause().getMessage());
        }
        if (++finished[0] == list.size()) {
          all.complete(failed[0]);
        } else {
          startNext[0].run();
        }
      });
    };
    if (list.isEmpty()) {
      all.complete(0);
    }
    for (int i = 0; i < Math.min(window, list.size()); i++) {
      startNext[0].run();
    }
    return all.future();
  }

  /** Connect, {@code jam.join-session} (the host with its token), register the jam's events, await {@code subscribed}. */
  Future<Void> join(Member m) {
    long start = System.nanoTime();
    return client.connect(new WebSocketConnectOptions()
            .setHost(base.getHost()).setPort(base.getPort()).setURI("/eventbus/websocket"))
        .compose(ws -> {
          attach(m, ws);
          JsonObject body = new JsonObject().put("code", m.jam.code).put("userName", "load-" + m.index);
          if (m.index == 0) {
            body.put("hostToken", m.jam.hostToken);
          }
          return request(m, "jam.join-session", body);
        })
        .compose(reply -> {
          m.ws.writeTextMessage(new JsonObject().put("type", "register")
              .put("address", Frame.EVENTS_PREFIX + m.jam.code).encode());
          return m.subscribed.future();
        })
        .onSuccess(v -> m.joinNanos = System.nanoTime() - start);
  }

  /**
   * The host queues {@code songIds} one after the other, then reads the items' ids from a
   * snapshot. A setup step, not a measurement: an add the busy server could not answer in time
   * is sent again, and a song that turns out to be queued already counts as added.
   */
  Future<Void> queueSongs(Member host, List<String> songIds) {
    Future<Void> chain = Future.succeededFuture();
    for (String songId : songIds) {
      chain = chain.compose(v -> add(host, songId, SETUP_ATTEMPTS));
    }
    return chain.compose(v -> request(host, "jam.snapshot", new JsonObject())).compose(snapshot -> {
      JsonArray queue = snapshot.getJsonArray("queue");
      if (queue.size() < songIds.size()) {
        return Future.failedFuture("jam " + host.jam.code + " has " + queue.size() + " items, not " + songIds.size());
      }
      for (int i = 0; i < host.jam.itemIds.length; i++) {
        host.jam.itemIds[i] = queue.getJsonObject(i).getString("id");
      }
      return Future.succeededFuture();
    });
  }

  private Future<Void> add(Member host, String songId, int attempts) {
    return request(host, "jam.add-to-queue", new JsonObject().put("songId", songId)).<Void>mapEmpty().recover(e -> {
      String code = e instanceof Refused r ? r.code : "";
      if (code.equals("DUPLICATE_SONG")) {
        return Future.succeededFuture();
      }
      boolean busy = code.equals("UNAVAILABLE") || code.equals("TIMEOUT");
      return busy && attempts > 1 ? add(host, songId, attempts - 1) : Future.failedFuture(e);
    });
  }

  /** A request whose success data completes the future; a refusal or no answer fails it. */
  private Future<JsonObject> request(Member m, String address, JsonObject body) {
    Promise<JsonObject> reply = Promise.promise();
    m.pending = reply;
    m.ws.writeTextMessage(new JsonObject().put("type", "send").put("address", address)
        .put("replyAddress", m.nextReplyAddress()).put("body", body).encode());
    long timer = vertx.setTimer(REQUEST_TIMEOUT_MS, id -> reply.tryFail(new Refused("TIMEOUT", address + ": no reply")));
    return reply.future().andThen(ar -> vertx.cancelTimer(timer)).compose(envelope ->
        envelope.getBoolean("success", false)
            ? Future.succeededFuture(envelope.getJsonObject("data", new JsonObject()))
            : Future.failedFuture(new Refused(envelope.getString("code"),
                address + " refused: " + envelope.getString("code") + " " + envelope.getString("error"))));
  }

  private void attach(Member m, WebSocket ws) {
    m.ws = ws;
    ws.binaryMessageHandler(data -> onFrame(m, data.getBytes()));
    ws.textMessageHandler(text -> onFrame(m, text.getBytes(StandardCharsets.UTF_8)));
    ws.closeHandler(v -> {
      if (!m.closed && !stopping) {
        m.closed = true;
        unexpectedCloses++;
        if (m.pending != null) {
          m.pending.tryFail("connection closed");
        }
      }
    });
  }

  private void onFrame(Member m, byte[] bytes) {
    long now = System.nanoTime();
    Frame f = frame.read(bytes);
    boolean voteReply = !f.isEvent() && f.address != null && f.address.startsWith("v");
    if ("err".equals(f.type)) {
      // The bridge's own refusal or timeout of a request, or an unparsable frame of ours.
      errFrames++;
      if (voteReply) {
        onVoteReply(Integer.parseInt(f.address, 1, f.address.length(), 10), f);
      } else if (m.pending != null) {
        m.pending.tryFail(new Refused(String.valueOf(f.code), "bridge error frame " + new String(bytes, StandardCharsets.UTF_8)));
      }
    } else if (f.isEvent()) {
      if ("subscribed".equals(f.eventType)) {
        m.subscribed.tryComplete();
      } else if (f.hasQueue) {
        m.arrived(f.rev, now);
      }
    } else if (voteReply) {
      onVoteReply(Integer.parseInt(f.address, 1, f.address.length(), 10), f);
    } else if (f.address != null && f.address.startsWith("c") && m.pending != null) {
      m.pending.tryComplete(new JsonObject(Buffer.buffer(bytes)).getJsonObject("body", new JsonObject()));
    }
  }

  // ---- votes ----

  /** Starts sending this loop's share of the schedule; the future completes after its last vote. */
  Future<Void> vote(VoteLog log, int votingMembers) {
    this.log = log;
    this.votingMembers = votingMembers;
    round = 0; // a schedule of its own: a warm-up's counts are not this one's
    position = 0;
    errorCodes.clear();
    this.votingDone = Promise.promise();
    if (voters.isEmpty() || log.total == 0) {
      votingDone.complete();
    } else {
      // One vote is due every 1/rate s overall; a 1 ms tick sends whatever has fallen due.
      vertx.setPeriodic(1, id -> {
        if (sendDue()) {
          vertx.cancelTimer(id);
          votingDone.complete();
        }
      });
    }
    return votingDone.future();
  }

  /** Sends every vote of this loop that is due; true once the schedule is exhausted. */
  private boolean sendDue() {
    long now = System.nanoTime();
    while (true) {
      long k = round * votingMembers + slots.get(position);
      if (k >= log.total) {
        return true;
      }
      if (log.due(k) > now) {
        return false;
      }
      send((int) k, voters.get(position), now);
      if (++position == voters.size()) {
        position = 0;
        round++;
      }
    }
  }

  private void send(int k, Member m, long now) {
    if (!m.isReady()) {
      log.status[k] = VoteLog.CLOSED;
      return;
    }
    String[] items = m.jam.itemIds;
    int item = (m.votes++ + m.index) % items.length;
    byte value = m.lastValue[item] == 1 ? (byte) -1 : (byte) 1;
    m.lastValue[item] = value;
    log.sent(k, m.jam.index, now);
    m.ws.writeTextMessage("{\"type\":\"send\",\"address\":\"jam.vote\",\"replyAddress\":\"v" + k
        + "\",\"body\":{\"itemId\":\"" + items[item] + "\",\"value\":" + value + "}}");
  }

  private void onVoteReply(int k, Frame reply) {
    if (!reply.success) {
      errorCodes.merge(String.valueOf(reply.code), 1, Integer::sum);
    }
    log.replied(k, reply);
  }
}
