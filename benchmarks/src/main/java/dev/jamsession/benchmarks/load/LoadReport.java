package dev.jamsession.benchmarks.load;

import dev.jamsession.benchmarks.Percentiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run measured. A vote is delivered to a member when that member receives an event
 * carrying {@code queue} at the vote's revision or later; its fan-out latency is the time from
 * the vote's scheduled send to that moment at the last member of its jam. A vote that some member
 * did not get within the timeout, or that was never answered, is a timeout.
 */
final class LoadReport {
  private final LoadOptions o;
  private final ServerUnderTest server;
  long rssStart = -1;
  long rssConnected = -1;
  long rssEnd = -1;
  final List<Long> rssSamples = new ArrayList<>();
  long joinNanos;
  int joinFailures;
  List<LoadJam> jams = List.of();
  List<Driver> drivers = List.of();
  VoteLog log;
  private long serverCpu0;
  private long serverCpu1;
  private long selfCpu0;
  private long selfCpu1;
  private long wall0;
  private long wall1;
  private String loadBefore;
  private String loadAfter;
  private JsonObject json;

  LoadReport(LoadOptions o, ServerUnderTest server) {
    this.o = o;
    this.server = server;
  }

  void startMeasuring(ServerUnderTest s) {
    loadBefore = loadAverage();
    wall0 = System.nanoTime();
    serverCpu0 = s.cpuNanos();
    selfCpu0 = ServerUnderTest.cpuNanos(ProcessHandle.current().pid());
  }

  void stopMeasuring(ServerUnderTest s) {
    wall1 = System.nanoTime();
    serverCpu1 = s.cpuNanos();
    selfCpu1 = ServerUnderTest.cpuNanos(ProcessHandle.current().pid());
    loadAfter = loadAverage();
  }

  JsonObject json() {
    if (json == null) {
      json = compute();
    }
    return json;
  }

  private JsonObject compute() {
    jams.forEach(j -> j.members.forEach(Member::finish));
    long timeoutNanos = Math.round(o.timeoutSeconds() * 1e9);
    Percentiles latency = new Percentiles();
    Percentiles lateness = new Percentiles();
    long sent = 0;
    long ok = 0;
    long withoutRev = 0;
    long rateLimited = 0;
    long errors = 0;
    long unanswered = 0;
    long notSent = 0;
    long delivered = 0;
    long deliveredEvents = 0;
    long timeouts = 0;
    for (int k = 0; k < log.total; k++) {
      byte status = log.status[k];
      if (status == VoteLog.NOT_SENT || status == VoteLog.CLOSED) {
        notSent++;
        continue;
      }
      sent++;
      lateness.add(log.sentAt[k] - log.due(k));
      switch (status) {
        case VoteLog.SENT -> {
          unanswered++;
          timeouts++;
        }
        case VoteLog.OK_WITHOUT_REV -> withoutRev++;
        case VoteLog.RATE_LIMITED -> rateLimited++;
        case VoteLog.ERROR -> errors++;
        default -> {
          ok++;
          long atLast = atLastMember(jams.get(log.jamOf[k]), log.rev[k]);
          if (atLast < 0) {
            timeouts++;
            continue;
          }
          long nanos = atLast - log.due(k);
          latency.add(nanos);
          if (nanos <= timeoutNanos) {
            delivered++;
            deliveredEvents += readyMembers(jams.get(log.jamOf[k]));
          } else {
            timeouts++;
          }
        }
      }
    }
    Map<String, Integer> codes = new TreeMap<>();
    int errFrames = 0;
    int closes = 0;
    for (Driver d : drivers) {
      d.errorCodes.forEach((c, n) -> codes.merge(c, n, Integer::sum));
      errFrames += d.errFrames;
      closes += d.unexpectedCloses;
    }
    Percentiles joins = new Percentiles();
    jams.forEach(j -> j.members.forEach(m -> {
      if (m.joinNanos >= 0) {
        joins.add(m.joinNanos);
      }
    }));
    double wallSeconds = (wall1 - wall0) / 1e9;
    long serverCpu = serverCpu1 - serverCpu0;
    long connected = joins.size();
    JsonObject r = new JsonObject()
        .put("config", new JsonObject()
            .put("jams", o.jams()).put("members", o.members()).put("idle", o.idle())
            .put("idlePerJam", o.idlePerJam()).put("connections", o.connections())
            .put("rate", o.rate()).put("durationS", o.durationSeconds()).put("warmupS", o.warmupSeconds()).put("songs", o.songs())
            .put("pingS", o.pingSeconds()).put("timeoutS", o.timeoutSeconds()).put("loops", o.loops())
            .put("server", server.command.isEmpty() ? server.base.toString() : String.join(" ", server.command))
            .put("serverPid", server.pid))
        .put("votes", new JsonObject()
            .put("scheduled", log.total).put("sent", sent).put("notSent", notSent).put("ok", ok)
            .put("okWithoutRev", withoutRev).put("rateLimited", rateLimited).put("errors", errors)
            .put("errorCodes", new JsonObject(new TreeMap<String, Object>(codes)))
            .put("unanswered", unanswered).put("deliveredToAll", delivered).put("timeouts", timeouts)
            .put("deliveredPerS", round(delivered / Math.max(o.durationSeconds(), 1e-9)))
            .put("errFrames", errFrames).put("unexpectedCloses", closes))
        .put("fanoutMs", percentiles(latency))
        .put("server", new JsonObject()
            .put("cpuPercentOfCore", server.pid > 0 ? round(100.0 * serverCpu / 1e9 / wallSeconds) : null)
            .put("deliveredEvents", deliveredEvents)
            .put("cpuMicrosPerDeliveredEvent", server.pid > 0 && deliveredEvents > 0
                ? round(serverCpu / 1e3 / deliveredEvents) : null)
            .put("rssStartMB", mb(rssStart)).put("rssConnectedMB", mb(rssConnected)).put("rssEndMB", mb(rssEnd))
            .put("rssPerConnectionBytes", rssStart > 0 && connected > 0 ? (rssConnected - rssStart) / connected : null)
            .put("rssSamplesMB", new JsonArray(rssSamples.stream().map(LoadReport::mb).toList())))
        .put("joins", new JsonObject()
            .put("connected", connected).put("failures", joinFailures)
            .put("allMs", round(joinNanos / 1e6)).put("eachMs", percentiles(joins)))
        .put("generator", new JsonObject()
            .put("cpuPercentOfCore", round(100.0 * (selfCpu1 - selfCpu0) / 1e9 / wallSeconds))
            .put("sendLateMs", percentiles(lateness))
            // Late sends mean the generator (or the machine) could not keep the schedule.
            .put("saturated", lateness.at(0.99) > 10_000_000L))
        .put("loadAverage", new JsonObject().put("before", loadBefore).put("after", loadAfter))
        .put("measuredS", round(wallSeconds));
    return r;
  }

  /** When the last ready member of {@code jam} first held revision {@code rev}; -1 if one never did. */
  private static long atLastMember(LoadJam jam, long rev) {
    long last = -1;
    for (Member m : jam.members) {
      if (!m.isReady()) {
        continue;
      }
      long at = m.firstAt(rev);
      if (at < 0) {
        return -1;
      }
      last = Math.max(last, at);
    }
    return last;
  }

  private static int readyMembers(LoadJam jam) {
    int n = 0;
    for (Member m : jam.members) {
      if (m.isReady()) {
        n++;
      }
    }
    return n;
  }

  String summary() {
    JsonObject r = json();
    JsonObject c = r.getJsonObject("config");
    JsonObject v = r.getJsonObject("votes");
    JsonObject f = r.getJsonObject("fanoutMs");
    JsonObject s = r.getJsonObject("server");
    JsonObject j = r.getJsonObject("joins");
    JsonObject g = r.getJsonObject("generator");
    return String.join("\n",
        String.format("load: %d jams x %d members voting + %d idle = %d connections, %.0f votes/s for %.0f s",
            c.getInteger("jams"), c.getInteger("members"), c.getInteger("idle"), c.getInteger("connections"),
            c.getDouble("rate"), c.getDouble("durationS")),
        "  server:     " + c.getString("server"),
        String.format("  votes:      %d sent, %d delivered to every member (%.1f/s), %d timeouts, %d unanswered,"
                + " %d rate-limited, %d other errors %s, %d replies without rev, %d not sent",
            v.getLong("sent"), v.getLong("deliveredToAll"), v.getDouble("deliveredPerS"), v.getLong("timeouts"),
            v.getLong("unanswered"), v.getLong("rateLimited"), v.getLong("errors"), v.getJsonObject("errorCodes").encode(),
            v.getLong("okWithoutRev"), v.getLong("notSent")),
        String.format("  fan-out to the last member: p50 %s  p99 %s  p99.9 %s  max %s ms",
            f.getValue("p50"), f.getValue("p99"), f.getValue("p999"), f.getValue("max")),
        String.format("  server CPU: %s %% of one core, %s us per delivered event (%d events)",
            s.getValue("cpuPercentOfCore"), s.getValue("cpuMicrosPerDeliveredEvent"), s.getLong("deliveredEvents")),
        String.format("  server RSS: start %s MB, connected %s MB, end %s MB; %s bytes per connection; samples %s",
            s.getValue("rssStartMB"), s.getValue("rssConnectedMB"), s.getValue("rssEndMB"),
            s.getValue("rssPerConnectionBytes"), s.getJsonArray("rssSamplesMB").encode()),
        String.format("  joins:      %d connected (%d failed) in %s ms; each p50 %s p99 %s ms",
            j.getLong("connected"), j.getInteger("failures"), j.getValue("allMs"),
            j.getJsonObject("eachMs").getValue("p50"), j.getJsonObject("eachMs").getValue("p99")),
        String.format("  generator:  %s %% of one core; sends late p50 %s p99 %s max %s ms; saturated: %s",
            g.getValue("cpuPercentOfCore"), g.getJsonObject("sendLateMs").getValue("p50"),
            g.getJsonObject("sendLateMs").getValue("p99"), g.getJsonObject("sendLateMs").getValue("max"),
            g.getBoolean("saturated")),
        "  load average: before " + r.getJsonObject("loadAverage").getString("before")
            + ", after " + r.getJsonObject("loadAverage").getString("after"));
  }

  private static JsonObject percentiles(Percentiles p) {
    return new JsonObject().put("n", p.size())
        .put("p50", round(p.at(0.50) / 1e6)).put("p99", round(p.at(0.99) / 1e6))
        .put("p999", round(p.at(0.999) / 1e6)).put("max", round(p.at(1.0) / 1e6));
  }

  private static Double mb(long bytes) {
    return bytes < 0 ? null : round(bytes / 1048576.0);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
