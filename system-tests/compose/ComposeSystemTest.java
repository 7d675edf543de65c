// The compose system test: the docker-compose.yml topology, for real, driven through the load
// balancer on 127.0.0.1:4000 only, while session members and a gateway fail. Run by
// system-tests/compose/run.sh (which builds the images, brings the topology up, waits for every
// container healthy, and always tears it down); on its own, with the topology already up:
//
//   java -cp launcher/target/jam-session.jar system-tests/compose/ComposeSystemTest.java
//
// A single-file program on the shaded jar's classpath (Vert.x core for the WebSocket client), so
// it needs no Maven step of its own. Each client behaves as the web client does: it keeps the
// load balancer's JAMGW cookie, joins over the raw WebSocket bridge (/eventbus/websocket; the
// server answers with binary frames), sends every state-changing command with a requestId and
// re-sends it with the same id when the reply was lost (a dropped socket or a timeout), after
// reconnecting and resuming with its resumeToken. UNAVAILABLE is not retried (the web client
// shows it): the test counts those answers.
//
// Steps: 3 jams x 3 clients queue songs and vote; then
//   1. kill -9, from the host, of session-1's JVM (the restart policy restarts the container);
//   2. docker-compose stop of the gateway holding most clients (then start again);
//   3. docker-compose restart of session-2 (the other session member, gracefully);
// and it asserts: no acknowledged command lost (every acknowledged add is queued, current or in
// the history; every client's last acknowledged vote on a queued item is its vote), every client
// back (a command sent after the failure answered) within 5 s, and every container healthy again.
// Exit code 0 when all hold, 1 otherwise; the figures go to stdout.

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class ComposeSystemTest {
  static final String HOST = "127.0.0.1";
  static final int PORT = Integer.getInteger("lb.port", 4000);
  static final long REQUEST_TIMEOUT_MS = 10_000; // the web client's (web/src/net/bus.ts)
  static final int MAX_RESENDS = 2;              // the web client's (web/src/net/jamClient.ts)
  static final long BACK_WITHIN_MS = 5_000;
  static final String COMPOSE = System.getProperty("compose", "docker-compose");

  static final Vertx vertx = Vertx.vertx();
  static final HttpClient http = vertx.createHttpClient();
  static final WebSocketClient wsClient = vertx.createWebSocketClient();
  static final List<String> failures = new CopyOnWriteArrayList<>();
  static final AtomicInteger checks = new AtomicInteger();
  static final AtomicInteger unavailable = new AtomicInteger();
  static final AtomicInteger timeouts = new AtomicInteger();
  static final AtomicInteger acks = new AtomicInteger();
  static final AtomicInteger restReads = new AtomicInteger();
  static final AtomicInteger restErrors = new AtomicInteger();
  static volatile long restSlowestMs;
  static final long T0 = System.nanoTime();

  static long now() {
    return (System.nanoTime() - T0) / 1_000_000;
  }

  static void log(String fmt, Object... args) {
    System.out.printf(Locale.ROOT, "[compose-test %6.1fs] %s%n", now() / 1000.0, String.format(Locale.ROOT, fmt, args));
  }

  // ---------------------------------------------------------------------------------------------
  /** One bridge connection: replies matched by reply address. */
  static final class Conn {
    final WebSocket ws;
    final String gateway;
    final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    volatile long lastEventAt = now();

    Conn(WebSocket ws, String gateway) {
      this.ws = ws;
      this.gateway = gateway;
      ws.handler(this::onFrame);
      ws.closeHandler(v -> onClosed());
      ws.exceptionHandler(t -> onClosed());
    }

    void onFrame(Buffer data) {
      JsonObject f = new JsonObject(data);
      String address = f.getString("address", "");
      CompletableFuture<JsonObject> reply = pending.remove(address);
      if (reply != null) {
        if ("err".equals(f.getString("type"))) {
          reply.completeExceptionally(new IOException("err frame " + f.encode()));
        } else {
          reply.complete(f.getJsonObject("body"));
        }
      } else if (address.startsWith("jam.events.")) {
        lastEventAt = now();
        JsonObject body = f.getJsonObject("body");
        if (body != null && "subscribed".equals(body.getString("type"))) {
          subscribed.complete(null);
        }
      }
    }

    void onClosed() {
      if (closed.complete(null)) {
        pending.values().forEach(p -> p.completeExceptionally(new IOException("DISCONNECTED")));
        pending.clear();
      }
    }

    JsonObject request(String address, JsonObject body) throws Exception {
      String replyAddress = UUID.randomUUID().toString();
      CompletableFuture<JsonObject> f = new CompletableFuture<>();
      if (closed.isDone()) {
        throw new IOException("DISCONNECTED");
      }
      pending.put(replyAddress, f);
      ws.writeTextMessage(new JsonObject().put("type", "send").put("address", address)
          .put("replyAddress", replyAddress).put("body", body).encode());
      try {
        return f.get(REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        timeouts.incrementAndGet();
        throw new IOException("TIMEOUT");
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof Exception x ? x : e;
      } finally {
        pending.remove(replyAddress);
      }
    }

    void close() {
      ws.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  /** A command whose success the client received. */
  record Ack(String player, String kind, String songId, String itemId, int value, long sentAt, long at) {}

  /** One participant, as the web client behaves. */
  static final class Player implements Runnable {
    final String name;
    final String code;
    final String hostToken;
    final List<String> songs;
    final Random rnd;
    volatile String cookie; // JAMGW=..., as a browser keeps it
    volatile Conn conn;
    volatile String participantId;
    volatile String resumeToken;
    volatile boolean running = true;
    final List<Ack> acked = new CopyOnWriteArrayList<>();
    /** (sentAt, answeredAt) of every command that was answered, success or refusal. */
    final List<long[]> answered = new CopyOnWriteArrayList<>();
    final List<long[]> reconnects = new CopyOnWriteArrayList<>(); // (closedAt, resumedAt)
    /**
     * Per item, the votes the jam may hold for this client: the last acknowledged one, plus any
     * sent after it whose outcome the client never learned (no answer, UNAVAILABLE), which the
     * server may still have applied.
     */
    final Map<String, java.util.Set<Integer>> possibleVotes = new ConcurrentHashMap<>();
    volatile List<String> queueItems = List.of();

    Player(String name, String code, String hostToken, List<String> songs, long seed) {
      this.name = name;
      this.code = code;
      this.hostToken = hostToken;
      this.songs = songs;
      this.rnd = new Random(seed);
    }

    String gateway() {
      Conn c = conn;
      return c == null ? "?" : c.gateway;
    }

    void connect(boolean resume) throws Exception {
      if (cookie == null) {
        // The body is read on the event loop, in the same chain: read later, it may be gone.
        cookie = http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(HOST).setPort(PORT)
                .setURI("/eventbus/info"))
            .compose(req -> req.send())
            .compose(r -> r.body().map(b -> jamgw(r.cookies())))
            .await(10, TimeUnit.SECONDS);
      }
      WebSocketConnectOptions o = new WebSocketConnectOptions().setHost(HOST).setPort(PORT)
          .setURI("/eventbus/websocket").setTimeout(5_000);
      if (cookie != null) {
        o.addHeader("Cookie", cookie);
      }
      WebSocket ws = wsClient.connect(o).await(10, TimeUnit.SECONDS);
      String set = jamgw(ws.headers() == null ? List.of() : ws.headers().getAll("set-cookie"));
      if (set != null) {
        cookie = set;
      }
      Conn c = new Conn(ws, cookie == null ? "?" : cookie.substring(cookie.indexOf('=') + 1));
      JsonObject join = new JsonObject().put("code", code);
      if (resume) {
        join.put("resumeToken", resumeToken);
      } else {
        join.put("userName", name);
        if (hostToken != null) {
          join.put("hostToken", hostToken);
        }
      }
      JsonObject reply = c.request("jam.join-session", join);
      if (!Boolean.TRUE.equals(reply.getBoolean("success"))) {
        c.close();
        throw new IOException("join refused: " + reply.encode());
      }
      JsonObject you = reply.getJsonObject("data").getJsonObject("you");
      participantId = you.getString("participantId");
      resumeToken = you.getString("resumeToken");
      c.ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "jam.events." + code).encode());
      c.subscribed.get(10, TimeUnit.SECONDS);
      JsonObject snap = c.request("jam.snapshot", new JsonObject());
      if (!Boolean.TRUE.equals(snap.getBoolean("success"))) {
        c.close();
        throw new IOException("snapshot refused: " + snap.encode());
      }
      noteQueue(snap.getJsonObject("data"));
      conn = c;
    }

    static String jamgw(List<String> setCookies) {
      for (String s : setCookies) {
        if (s.startsWith("JAMGW=")) {
          return s.split(";", 2)[0];
        }
      }
      return null;
    }

    void noteQueue(JsonObject jam) {
      List<String> ids = new ArrayList<>();
      for (Object o : jam.getJsonArray("queue", new JsonArray())) {
        ids.add(((JsonObject) o).getString("id"));
      }
      queueItems = ids;
    }

    /** Reconnects until joined again (resume), as the web client's reconnect loop does. */
    void reconnect() {
      long closedAt = now();
      long backoff = 100;
      while (running) {
        try {
          connect(true);
          reconnects.add(new long[] {closedAt, now()});
          return;
        } catch (Exception e) {
          sleep(backoff);
          backoff = Math.min(1_000, backoff * 2);
        }
      }
    }

    /** A command with a requestId, re-sent with the same id after a lost reply (web client). */
    JsonObject command(String address, JsonObject body) {
      body.put("requestId", UUID.randomUUID().toString());
      long sentAt = now();
      for (int attempt = 0; ; attempt++) {
        Conn c = conn;
        try {
          if (c.closed.isDone()) {
            throw new IOException("DISCONNECTED");
          }
          JsonObject reply = c.request(address, body.copy());
          answered.add(new long[] {sentAt, now()});
          if ("UNAVAILABLE".equals(reply.getString("code"))) {
            unavailable.incrementAndGet();
            log("%s got UNAVAILABLE from %s after %d ms: %s", name, address, now() - sentAt, reply.getString("error"));
          }
          return reply;
        } catch (Exception e) {
          if (attempt >= MAX_RESENDS || !running) {
            log("%s: %s failed after %d resends: %s", name, address, attempt, e.getMessage());
            return null;
          }
          if (c.closed.isDone()) {
            reconnect();
          }
        }
      }
    }

    @Override
    public void run() {
      while (running) {
        try {
          if (conn.closed.isDone()) {
            reconnect();
            continue;
          }
          List<String> items = queueItems;
          boolean add = items.size() < 3 || (items.size() < 40 && rnd.nextInt(3) == 0);
          if (add) {
            String song = songs.get(rnd.nextInt(songs.size()));
            JsonObject r = command("jam.add-to-queue", new JsonObject().put("songId", song));
            if (r != null && Boolean.TRUE.equals(r.getBoolean("success"))) {
              String itemId = r.getJsonObject("data").getJsonObject("item").getString("id");
              acked.add(new Ack(name, "add", song, itemId, 0, 0, now()));
              acks.incrementAndGet();
            }
          } else {
            String item = items.get(rnd.nextInt(items.size()));
            int value = rnd.nextInt(3) - 1;
            JsonObject r = command("jam.vote", new JsonObject().put("itemId", item).put("value", value));
            if (r != null && Boolean.TRUE.equals(r.getBoolean("success"))) {
              possibleVotes.put(item, new java.util.HashSet<>(List.of(value)));
              acked.add(new Ack(name, "vote", null, item, value, 0, now()));
              acks.incrementAndGet();
            } else if (r == null || "UNAVAILABLE".equals(r.getString("code")) || "INTERNAL".equals(r.getString("code"))) {
              possibleVotes.computeIfAbsent(item, k -> new java.util.HashSet<>(List.of(0))).add(value);
            }
          }
          if (rnd.nextInt(4) == 0) {
            JsonObject s = command("jam.snapshot", new JsonObject());
            if (s != null && Boolean.TRUE.equals(s.getBoolean("success"))) {
              noteQueue(s.getJsonObject("data"));
            }
          }
          sleep(250 + rnd.nextInt(200));
        } catch (RuntimeException e) {
          log("%s: %s", name, e);
          sleep(500);
        }
      }
    }

    /** When this client was back after an incident at {@code t}: the answer to its first command sent after t. */
    long backAfter(long t) {
      long best = Long.MAX_VALUE;
      for (long[] a : answered) {
        if (a[0] >= t) {
          best = Math.min(best, a[1]);
        }
      }
      return best == Long.MAX_VALUE ? -1 : best - t;
    }

    /** The longest wait for an answer of a command sent in [from, to). */
    long longestWait(long from, long to) {
      long worst = 0;
      for (long[] a : answered) {
        if (a[0] >= from && a[0] < to) {
          worst = Math.max(worst, a[1] - a[0]);
        }
      }
      return worst;
    }
  }

  // ---------------------------------------------------------------------------------------------
  static String sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  static final String PROJECT = System.getenv().getOrDefault("COMPOSE_PROJECT_NAME", "jamcompose");

  /** The id of the service's container (docker, not docker-compose: no Python start per call). */
  static String container(String service) throws Exception {
    return sh("docker", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT,
        "--filter", "label=com.docker.compose.service=" + service);
  }

  static String health(String id) throws Exception {
    return sh("docker", "inspect", "-f", "{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}", id);
  }

  /** Waits until the service's container reports healthy; returns ms waited, or -1 on timeout. */
  static long awaitHealthy(String service, long maxMs) throws Exception {
    long start = now();
    while (now() - start < maxMs) {
      String id = container(service);
      if (!id.isEmpty() && health(id).equals("running healthy")) {
        return now() - start;
      }
      sleep(500);
    }
    return -1;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static JsonObject rest(HttpMethod method, String uri, JsonObject body) throws Exception {
    RequestOptions o = new RequestOptions().setMethod(method).setHost(HOST).setPort(PORT).setURI(uri)
        .putHeader("Content-Type", "application/json");
    record Answer(int status, Buffer body) {}
    Answer a = http.request(o).compose(req -> body == null ? req.send() : req.send(body.encode()))
        .compose(r -> r.body().map(b -> new Answer(r.statusCode(), b)))
        .await(10, TimeUnit.SECONDS);
    if (a.status() >= 300) {
      throw new IOException(method + " " + uri + ": " + a.status() + " " + a.body());
    }
    return new JsonObject(a.body()).getJsonObject("data");
  }

  /**
   * When each of {@code observers} suspected {@code dead} (killed at {@code killedAtMs}), saw it
   * declared dead, and saw the partitions' owners change after that, from their own logs (JSON
   * lines, ClusterEventsLog and Hazelcast's MembershipManager): tells detection from promotion
   * from the clients' retries when a failover's gap is long.
   */
  static String deathSeenBy(String dead, long killedAtMs, List<String> observers) throws Exception {
    List<String> seen = new ArrayList<>();
    for (String service : observers) {
      long suspected = -1;
      long gone = -1;
      long promoted = -1;
      String logs = sh("docker", "logs", "--since", Long.toString(killedAtMs / 1000 - 1), container(service));
      for (String line : logs.split("\n")) {
        JsonObject entry;
        try {
          entry = new JsonObject(line);
        } catch (RuntimeException notJson) {
          continue;
        }
        long at = entry.getLong("timestamp", 0L) - killedAtMs;
        String message = entry.getString("formattedMessage", "");
        if (at < 0) {
          continue;
        }
        if (suspected < 0 && message.contains("[" + dead + "]") && message.contains("suspected to be dead")) {
          suspected = at;
        } else if (gone < 0 && message.startsWith("Cluster member left or was declared dead: [" + dead + "]")) {
          gone = at;
        } else if (gone >= 0 && promoted < 0 && message.startsWith("Partition migration finished")) {
          promoted = at;
        }
      }
      seen.add(String.format(Locale.ROOT, "%s suspected it at %s, saw it gone at %s, partitions moved at %s",
          service, sinceKill(suspected), sinceKill(gone), sinceKill(promoted)));
    }
    return String.join("; ", seen);
  }

  static String sinceKill(long ms) {
    return ms < 0 ? "-" : String.format(Locale.ROOT, "+%.2f s", ms / 1000.0);
  }

  static void check(boolean ok, String what) {
    checks.incrementAndGet();
    if (!ok) {
      failures.add(what);
      log("FAIL: %s", what);
    }
  }

  static String stats(List<Long> values) {
    if (values.isEmpty()) {
      return "none";
    }
    List<Long> v = new ArrayList<>(values);
    Collections.sort(v);
    return String.format(Locale.ROOT, "max %.2f s, median %.2f s", v.get(v.size() - 1) / 1000.0, v.get(v.size() / 2) / 1000.0);
  }

  /** Every client back within 5 s of the incident at t; returns the figures line. */
  static String measureBack(String incident, List<Player> players, long t, long settleMs) {
    sleep(settleMs);
    List<Long> back = new ArrayList<>();
    List<Long> waits = new ArrayList<>();
    for (Player p : players) {
      long b = p.backAfter(t);
      check(b >= 0 && b <= BACK_WITHIN_MS, incident + ": " + p.name + " back after " + b + " ms (at most " + BACK_WITHIN_MS + ")");
      back.add(b);
      waits.add(p.longestWait(t - 1_000, t + settleMs));
    }
    String line = String.format(Locale.ROOT, "%s: first answer to a command sent after it: %s; longest wait for an answer: %s",
        incident, stats(back), stats(waits));
    log("%s", line);
    return line;
  }

  /**
   * A page polling a jam's summary over REST through the load balancer once a second (the REST
   * limit is per client address, and every client here has the same one): counts 5xx answers.
   */
  static void pollRest(String code, List<Player> players) {
    while (players.isEmpty() || players.get(0).running) {
      long sent = now();
      try {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost(HOST).setPort(PORT)
            .setURI("/api/jam/session/" + code);
        int status = http.request(o).compose(req -> req.send()).compose(r -> r.body().map(b -> r.statusCode()))
            .await(15, TimeUnit.SECONDS);
        restReads.incrementAndGet();
        if (status >= 500) {
          restErrors.incrementAndGet();
          log("REST read of %s: HTTP %d after %d ms", code, status, now() - sent);
        }
      } catch (Exception e) {
        restErrors.incrementAndGet();
        log("REST read of %s failed: %s", code, e);
      }
      restSlowestMs = Math.max(restSlowestMs, now() - sent);
      sleep(1_000);
    }
  }

  // ---------------------------------------------------------------------------------------------
  public static void main(String[] args) throws Exception {
    List<String> figures = new ArrayList<>();
    List<Player> players = new ArrayList<>();
    try {
      run(players, figures);
    } catch (Throwable t) {
      check(false, "aborted: " + t);
      t.printStackTrace(System.out);
    } finally {
      players.forEach(p -> p.running = false);
    }
    System.out.println();
    System.out.println("== compose system test figures ==");
    figures.forEach(f -> System.out.println("  " + f));
    System.out.println(failures.isEmpty() ? "== PASSED ==" : "== FAILED: " + failures.size() + " ==");
    failures.forEach(f -> System.out.println("  " + f));
    // The closing line a CI log reader counts: each check (an assertion above) passed or failed.
    System.out.printf(Locale.ROOT, "compose: %d passed, %d failed%n", checks.get() - failures.size(), failures.size());
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  static void run(List<Player> players, List<String> figures) throws Exception {
    JsonArray catalog = rest(HttpMethod.GET, "/api/songs?limit=200", null).getJsonArray("songs");
    List<String> songs = new ArrayList<>();
    catalog.forEach(s -> songs.add(((JsonObject) s).getString("id")));
    log("catalog: %d songs", songs.size());

    int jams = 3;
    int perJam = 3;
    for (int j = 0; j < jams; j++) {
      JsonObject created = rest(HttpMethod.POST, "/api/jam/create", new JsonObject().put("hostName", "host" + j)
          .put("settings", new JsonObject().put("autoPlay", false)));
      String code = created.getString("sessionCode");
      for (int i = 0; i < perJam; i++) {
        Player p = new Player("p" + j + "-" + i, code, i == 0 ? created.getString("hostToken") : null, songs, 31L * j + i);
        p.connect(false);
        players.add(p);
      }
    }
    Map<String, Integer> perGateway = new HashMap<>();
    players.forEach(p -> perGateway.merge(p.gateway(), 1, Integer::sum));
    log("%d clients in %d jams, per gateway cookie: %s", players.size(), jams, perGateway);
    for (Player p : players) {
      Thread t = new Thread(p, p.name);
      t.setDaemon(true);
      t.start();
    }
    Thread poller = new Thread(() -> pollRest(players.get(0).code, players), "rest-poller");
    poller.setDaemon(true);
    poller.start();
    sleep(5_000);
    log("warm-up: %d commands acknowledged", acks.get());

    // 1. kill -9 of session-1's JVM from the host: the container's restart policy applies.
    String s1 = container("session-1");
    String pid = sh("docker", "inspect", "-f", "{{.State.Pid}}", s1);
    long t1 = now();
    long killedAtMs = System.currentTimeMillis();
    sh("kill", "-9", pid);
    log("kill -9 of session-1's JVM (host pid %s)", pid);
    figures.add(measureBack("session-1 JVM killed (kill -9)", players, t1, 8_000));
    figures.add("session-1's death as the others logged it: "
        + deathSeenBy("session-1", killedAtMs, List.of("session-2", "gateway-1", "gateway-2")));
    log("%s", figures.get(figures.size() - 1));
    long healthy1 = awaitHealthy("session-1", 120_000);
    check(healthy1 >= 0, "session-1 healthy again after its crash");
    String restarts = sh("docker", "inspect", "-f", "{{.RestartCount}}", s1);
    figures.add(String.format(Locale.ROOT, "session-1 restarted by its restart policy (restart count %s), healthy %.1f s after the kill",
        restarts, (now() - t1) / 1000.0));
    log("%s", figures.get(figures.size() - 1));
    // The restarted member must hold its backups before the other one goes (deploy/README.md).
    sleep(5_000);

    // 2. docker-compose stop of the gateway with most clients; then start it again.
    String gw = perGateway.getOrDefault("g2", 0) > perGateway.getOrDefault("g1", 0) ? "gateway-2" : "gateway-1";
    String cookieValue = gw.equals("gateway-1") ? "g1" : "g2";
    List<Player> onIt = players.stream().filter(p -> p.gateway().equals(cookieValue)).toList();
    long t2 = now();
    log("docker-compose stop %s (%d clients on it)", gw, onIt.size());
    sh(COMPOSE, "stop", gw);
    long stopped = now() - t2;
    figures.add(measureBack(gw + " stopped (docker-compose stop, " + onIt.size() + " clients on it)", players, t2, 2_000));
    List<Long> resumed = new ArrayList<>();
    List<Long> sinceStop = new ArrayList<>();
    for (Player p : onIt) {
      for (long[] r : p.reconnects) {
        if (r[0] >= t2) {
          resumed.add(r[1] - r[0]);
          sinceStop.add(r[1] - t2);
        }
      }
    }
    check(resumed.size() >= onIt.size(), gw + ": every client on it resumed elsewhere (" + resumed.size() + " of " + onIt.size() + ")");
    for (long s : sinceStop) {
      check(s <= stopped + BACK_WITHIN_MS, gw + ": a client resumed " + s + " ms after the stop began");
    }
    figures.add(String.format(Locale.ROOT,
        "%s: stop took %.1f s (drain); its clients resumed on the other gateway %s after their connection closed (%s after the stop began)",
        gw, stopped / 1000.0, stats(resumed), stats(sinceStop)));
    log("%s", figures.get(figures.size() - 1));
    sh(COMPOSE, "start", gw);
    long healthyGw = awaitHealthy(gw, 120_000);
    check(healthyGw >= 0, gw + " healthy again after start");
    figures.add(String.format(Locale.ROOT, "%s started again: healthy after %.1f s", gw, healthyGw / 1000.0));

    // 3. docker-compose restart of the other session member (graceful: partitions handed over).
    long t3 = now();
    log("docker-compose restart session-2");
    sh(COMPOSE, "restart", "session-2");
    long restartTook = now() - t3;
    figures.add(measureBack("session-2 restarted (docker-compose restart, took " + restartTook / 1000 + " s)",
        players, t3, 1_000));
    long healthy3 = awaitHealthy("session-2", 120_000);
    check(healthy3 >= 0, "session-2 healthy again after its restart");
    figures.add(String.format(Locale.ROOT, "session-2 healthy %.1f s after the restart began", (now() - t3) / 1000.0));

    sleep(3_000);
    players.forEach(p -> p.running = false);
    sleep(1_500);

    // No acknowledged command lost.
    int checkedAdds = 0;
    int checkedVotes = 0;
    Map<String, JsonObject> finalByCode = new HashMap<>();
    for (Player p : players) {
      Conn c = p.conn;
      if (c == null || c.closed.isDone()) {
        p.running = true;
        p.reconnect();
        p.running = false;
        c = p.conn;
      }
      JsonObject snap = c.request("jam.snapshot", new JsonObject());
      check(Boolean.TRUE.equals(snap.getBoolean("success")), p.name + " final snapshot: " + snap.encode());
      JsonObject jam = snap.getJsonObject("data");
      finalByCode.merge(p.code, jam, (a, b) -> a.getLong("rev") >= b.getLong("rev") ? a : b);
      JsonObject votes = jam.getJsonObject("you").getJsonObject("votes", new JsonObject());
      Map<String, Boolean> queued = new HashMap<>();
      for (Object o : jam.getJsonArray("queue")) {
        queued.put(((JsonObject) o).getString("id"), true);
      }
      for (Map.Entry<String, java.util.Set<Integer>> v : p.possibleVotes.entrySet()) {
        if (queued.containsKey(v.getKey())) {
          int have = votes.getInteger(v.getKey(), 0);
          check(v.getValue().contains(have), p.name + ": votes on " + v.getKey() + " may be " + v.getValue()
              + " (the last acknowledged, and any unanswered after it) but the jam has " + have);
          checkedVotes++;
        }
      }
    }
    for (Player p : players) {
      JsonObject jam = finalByCode.get(p.code);
      List<String> present = new ArrayList<>();
      jam.getJsonArray("queue").forEach(o -> present.add(((JsonObject) o).getJsonObject("song").getString("id")));
      if (jam.getJsonObject("current") != null) {
        present.add(jam.getJsonObject("current").getJsonObject("song").getString("id"));
      }
      jam.getJsonArray("history", new JsonArray()).forEach(o -> present.add(((JsonObject) o).getJsonObject("song").getString("id")));
      for (Ack a : p.acked) {
        if (a.kind().equals("add")) {
          check(present.contains(a.songId()), p.name + ": acknowledged add of " + a.songId() + " missing from " + p.code);
          checkedAdds++;
        }
      }
    }
    figures.add(String.format(Locale.ROOT, "%d commands acknowledged; checked %d adds and %d last votes against the final state; "
        + "UNAVAILABLE answers: %d; request timeouts (10 s): %d", acks.get(), checkedAdds, checkedVotes, unavailable.get(), timeouts.get()));
    log("%s", figures.get(figures.size() - 1));
    figures.add(String.format(Locale.ROOT, "REST reads through the load balancer (1/s): %d, failed or 5xx: %d, slowest %.2f s",
        restReads.get(), restErrors.get(), restSlowestMs / 1000.0));
    check(unavailable.get() == 0, "no UNAVAILABLE answer to any client (got " + unavailable.get() + ")");
    check(restErrors.get() == 0, "no failed or 5xx REST read (got " + restErrors.get() + ")");
  }
}
