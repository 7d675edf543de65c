package dev.jamsession.benchmarks.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code load}: drives the real server over real WebSockets from this separate process and
 * measures how long a vote takes to reach every member of its jam. Phases: create the jams over
 * REST, join every member (hosts first; they queue the songs), vote open loop for the duration,
 * let the last votes drain for at most the timeout, then report (see {@link LoadReport}).
 */
public final class LoadBenchmark {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(10);
  /** Between the end of joining and the first vote, so no vote is late before the clock starts. */
  private static final long START_DELAY_NANOS = 200_000_000L;

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    ServerUnderTest server = options.url() != null
        ? ServerUnderTest.attach(options.url(), options.pid())
        : ServerUnderTest.start(options.jar(), options.jvmOptions(), options.env(), options.serverLog());
    try {
      LoadReport report = run(options, server);
      System.out.println(report.summary());
      System.out.println(report.json().encode());
    } finally {
      server.close();
    }
  }

  static LoadReport run(LoadOptions o, ServerUnderTest server) throws Exception {
    LoadReport report = new LoadReport(o, server);
    report.rssStart = server.rssBytes();
    List<String> songIds = songIds(server.base, o.songs());
    List<LoadJam> jams = createJams(o, server.base);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(o.loops()));
    try {
      List<Driver> drivers = new ArrayList<>();
      for (int i = 0; i < o.loops(); i++) {
        Driver d = new Driver(server.base, o.pingSeconds());
        await(vertx.deployVerticle(d));
        drivers.add(d);
      }
      int votingMembers = assign(o, jams, drivers);
      report.jams = jams;
      report.drivers = drivers;

      long joinStart = System.nanoTime();
      int window = Math.max(1, o.joinWindow() / drivers.size());
      List<Future<Integer>> hosts = new ArrayList<>();
      for (Driver d : drivers) {
        List<Member> mine = members(jams, drivers, d, true);
        hosts.add(d.onLoop(() -> d.forEach(mine, window,
            host -> d.join(host).compose(v -> host.jam.voting ? d.queueSongs(host, songIds) : Future.succeededFuture()))));
      }
      await(Future.all(hosts));
      if (hosts.stream().mapToInt(Future::result).sum() > 0) {
        throw new IllegalStateException("a host could not join or queue its songs (see above)");
      }
      List<Future<Integer>> guests = new ArrayList<>();
      for (Driver d : drivers) {
        List<Member> mine = members(jams, drivers, d, false);
        guests.add(d.onLoop(() -> d.forEach(mine, window, d::join)));
      }
      await(Future.all(guests));
      report.joinFailures = guests.stream().mapToInt(Future::result).sum();
      report.joinNanos = System.nanoTime() - joinStart;
      report.rssConnected = server.rssBytes();

      if (o.warmupSeconds() > 0) {
        VoteLog warmup = schedule(o, o.votes(o.warmupSeconds()));
        await(vote(drivers, warmup, votingMembers));
        drain(warmup, jams, o);
      }
      VoteLog log = schedule(o, o.votes());
      report.log = log;
      report.startMeasuring(server);
      awaitSampling(vote(drivers, log, votingMembers), log, o, server, report);
      drain(log, jams, o);
      report.stopMeasuring(server);
      report.rssEnd = server.rssBytes();
      await(Future.all(drivers.stream().map(d -> d.onLoop(d::endRun)).toList()));
    } finally {
      await(vertx.close());
    }
    return report;
  }

  private static VoteLog schedule(LoadOptions o, long votes) {
    return new VoteLog((int) votes, System.nanoTime() + START_DELAY_NANOS, Math.max(o.rate(), 1e-9), o.jams());
  }

  /** Every loop sends its share of the schedule; completes after the last vote is sent. */
  private static Future<?> vote(List<Driver> drivers, VoteLog log, int votingMembers) {
    return Future.all(drivers.stream().map(d -> d.onLoop(() -> d.vote(log, votingMembers))).toList());
  }

  /**
   * Gives every member its driver (round robin, so each loop holds a share of every jam) and every
   * voting member its slot in the schedule; returns the number of voting members.
   */
  private static int assign(LoadOptions o, List<LoadJam> jams, List<Driver> drivers) {
    int next = 0;
    for (LoadJam jam : jams) {
      for (Member m : jam.members) {
        m.driver = next++ % drivers.size();
        drivers.get(m.driver).own(m);
      }
    }
    // Slot s is member s / J of jam s mod J: consecutive votes go to different jams.
    int voting = o.jams() * o.members();
    for (int s = 0; s < voting; s++) {
      Member m = jams.get(s % o.jams()).members.get(s / o.jams());
      m.lastValue = new byte[o.songs()];
      driverOf(drivers, m).ownVoter(s, m);
    }
    return voting;
  }

  /** The hosts, or the guests, of every jam that {@code d} owns. */
  private static List<Member> members(List<LoadJam> jams, List<Driver> drivers, Driver d, boolean hosts) {
    List<Member> mine = new ArrayList<>();
    for (LoadJam jam : jams) {
      for (Member m : hosts ? jam.members.subList(0, 1) : jam.members.subList(1, jam.members.size())) {
        if (driverOf(drivers, m) == d) {
          mine.add(m);
        }
      }
    }
    return mine;
  }

  private static Driver driverOf(List<Driver> drivers, Member m) {
    return drivers.get(m.driver);
  }

  /**
   * Waits for the votes to be sent and the duration to pass (idle connections are held that long
   * too), sampling the server's RSS meanwhile when asked to.
   */
  private static void awaitSampling(Future<?> voting, VoteLog log, LoadOptions o, ServerUnderTest server,
                                    LoadReport report) throws Exception {
    CompletableFuture<?> done = voting.toCompletionStage().toCompletableFuture();
    long every = Math.round(o.rssEverySeconds() * 1e9);
    long end = log.t0 + Math.round(o.durationSeconds() * 1e9);
    long deadline = end + SETUP_TIMEOUT.toNanos();
    long nextSample = every > 0 ? System.nanoTime() + every : Long.MAX_VALUE;
    while (true) {
      long now = System.nanoTime();
      if (done.isDone() && now >= end) {
        return;
      }
      if (now > deadline) {
        throw new IllegalStateException("the generator did not finish its schedule in time");
      }
      long until = Math.min(nextSample, done.isDone() ? end : deadline);
      if (done.isDone()) {
        TimeUnit.NANOSECONDS.sleep(until - now); // holding the connections for the duration: pacing, not an event
      } else {
        try {
          done.get(until - now, TimeUnit.NANOSECONDS);
        } catch (TimeoutException notYet) {
          // a sample is due
        }
      }
      if (System.nanoTime() >= nextSample) {
        report.rssSamples.add(server.rssBytes());
        nextSample += every;
      }
    }
  }

  /**
   * After the last vote: until every vote is answered and every member holds its jam's latest
   * acknowledged revision, or the timeout after the last scheduled vote.
   */
  private static void drain(VoteLog log, List<LoadJam> jams, LoadOptions o) throws InterruptedException {
    long deadline = log.end() + Math.round(o.timeoutSeconds() * 1e9);
    while (System.nanoTime() < deadline && !(log.replied.get() == log.sent.get() && caughtUp(log, jams))) {
      // The condition spans every connection's loop; a short poll is cheaper than signalling it.
      Thread.sleep(20);
    }
  }

  private static boolean caughtUp(VoteLog log, List<LoadJam> jams) {
    for (LoadJam jam : jams) {
      if (!jam.voting) {
        continue;
      }
      long acked = log.ackedRev.get(jam.index);
      for (Member m : jam.members) {
        if (m.isReady() && m.maxSeenRev < acked) {
          return false;
        }
      }
    }
    return true;
  }

  // ---- REST ----

  private static List<String> songIds(URI base, int count) throws Exception {
    JsonObject data = http(HttpRequest.newBuilder(base.resolve("api/songs?limit=" + count)).GET(), 200);
    List<String> ids = new ArrayList<>();
    for (Object s : data.getJsonArray("songs")) {
      ids.add(((JsonObject) s).getString("id"));
    }
    if (ids.size() < count) {
      throw new IllegalStateException("the catalog has " + ids.size() + " songs, " + count + " wanted");
    }
    return ids;
  }

  /** The voting jams first (index = position in the VoteLog), then the idle ones. */
  private static List<LoadJam> createJams(LoadOptions o, URI base) throws Exception {
    List<LoadJam> jams = new ArrayList<>();
    int idleLeft = o.idle();
    int total = o.jams() + o.idleJams();
    for (int j = 0; j < total; j++) {
      boolean voting = j < o.jams();
      int size = voting ? o.members() : Math.min(o.idlePerJam(), idleLeft);
      if (!voting) {
        idleLeft -= size;
      }
      // No autoplay: the 20 items stay queued for the whole run, so every vote changes the queue.
      JsonObject settings = new JsonObject().put("maxParticipants", Math.max(2, size))
          .put("autoPlay", false).put("autofill", false).put("maxQueueSize", Math.max(o.songs(), 1));
      JsonObject data = http(HttpRequest.newBuilder(base.resolve("api/jam/create"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("hostName", "load-0")
              .put("settings", settings).encode())), 201);
      LoadJam jam = new LoadJam(j, data.getString("sessionCode"), data.getString("hostToken"), voting, o.songs());
      for (int i = 0; i < size; i++) {
        jam.members.add(new Member(jam, i));
      }
      jams.add(jam);
    }
    return jams;
  }

  private static JsonObject http(HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(r.request().uri() + ": " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body()).getJsonObject("data");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(SETUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
