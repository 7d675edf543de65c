package dev.jamsession.benchmarks.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one load run does. {@code rate} is the total of every voting member's votes per second
 * (each member votes at rate / (jams × members)); idle connections join jams of their own and
 * only ping.
 */
record LoadOptions(int jams, int members, double rate, double durationSeconds, double warmupSeconds, int idle,
                   int idlePerJam,
                   int songs, double pingSeconds, double timeoutSeconds, int loops, int joinWindow,
                   double rssEverySeconds, String url, long pid, Path jar, List<String> jvmOptions,
                   Map<String, String> env, Path serverLog) {

  static final String USAGE = """
      load [options]
        --jams J            jams whose members vote (default 10)
        --members U         members per voting jam, the first is the host (default 10)
        --rate R            votes per second, all members together, open loop (default 50)
        --duration S        seconds of voting (default 10)
        --warmup S          seconds of voting before those, at the same rate, not measured: the JIT
                            compiles the server's hot paths meanwhile (default 0)
        --idle N            extra connections that join, register and only ping (default 0)
        --idle-per-jam S    members per idle jam (default 50)
        --songs N           songs the host of a voting jam queues (default 20)
        --ping S            seconds between a connection's pings (default 5)
        --timeout S         a vote not at every member within S seconds is a timeout (default 5)
        --loops N           the generator's event loops (default: cores)
        --join-window N     joins in flight at once (default 50)
        --rss-every S       sample the server's RSS every S seconds while voting (default off)
        --url URL           drive a running server instead of starting one (with --pid for its numbers)
        --pid P             process id of the server given by --url
        --jar PATH          the all-in-one jar to start (default launcher/target/jam-session.jar)
        --jvm OPTION        a JVM option of the started server (repeatable; default README's: -Xms128m -Xmx512m -XX:+UseSerialGC)
        --env NAME=VALUE    environment of the started server (repeatable), after the raised rate limits
        --server-log PATH   where the started server's output goes (default a temporary file)""";

  int connections() {
    return jams * members + idle;
  }

  int idleJams() {
    return idle == 0 ? 0 : (idle + idlePerJam - 1) / idlePerJam;
  }

  long votes() {
    return votes(durationSeconds);
  }

  long votes(double seconds) {
    return jams * members == 0 ? 0 : Math.round(rate * seconds);
  }

  /** The JVM options of README's run command: the server is measured as a user runs it. */
  static final List<String> README_JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");

  static LoadOptions parse(String[] args) {
    Map<String, String> single = new LinkedHashMap<>();
    List<String> jvm = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value at '" + name + "'");
      }
      String value = args[++i];
      switch (name) {
        case "--jvm" -> jvm.add(value);
        case "--env" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--env wants NAME=VALUE, got '" + value + "'");
          }
          env.put(value.substring(0, eq), value.substring(eq + 1));
        }
        default -> single.put(name.substring(2), value);
      }
    }
    Args a = new Args(single);
    LoadOptions o = new LoadOptions(
        a.integer("jams", 10), a.integer("members", 10), a.number("rate", 50), a.number("duration", 10),
        a.number("warmup", 0), a.integer("idle", 0), a.integer("idle-per-jam", 50), a.integer("songs", 20), a.number("ping", 5),
        a.number("timeout", 5), a.integer("loops", Runtime.getRuntime().availableProcessors()),
        a.integer("join-window", 50), a.number("rss-every", 0), a.text("url", null),
        a.integer("pid", -1), Path.of(a.text("jar", "launcher/target/jam-session.jar")),
        jvm.isEmpty() ? README_JVM_OPTIONS : List.copyOf(jvm),
        Map.copyOf(env), a.path("server-log"));
    if (!single.isEmpty()) {
      throw new IllegalArgumentException("unknown option --" + single.keySet().iterator().next());
    }
    if (o.members == 1 || o.idlePerJam < 2 || Math.max(o.members, o.idlePerJam) > 500) {
      throw new IllegalArgumentException("members per jam must be 2..500 (settings.maxParticipants)");
    }
    if (o.jams * o.members > 0 && (o.rate <= 0 || o.songs < 1)) {
      throw new IllegalArgumentException("voting jams need --rate > 0 and --songs >= 1");
    }
    if (o.connections() == 0) {
      throw new IllegalArgumentException("nothing to connect: give --jams and --members, or --idle");
    }
    return o;
  }

  /** Typed reads that remove what they read, so anything left over is an unknown option. */
  private record Args(Map<String, String> values) {
    String text(String name, String fallback) {
      String v = values.remove(name);
      return v == null ? fallback : v;
    }

    int integer(String name, int fallback) {
      String v = text(name, null);
      return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
    }

    Path path(String name) {
      String v = text(name, null);
      return v == null ? null : Path.of(v);
    }

    double number(String name, double fallback) {
      String v = text(name, null);
      return v == null ? fallback : Double.parseDouble(v.replace("_", ""));
    }
  }
}
