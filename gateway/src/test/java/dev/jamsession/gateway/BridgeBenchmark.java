package dev.jamsession.gateway;

import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the bridge's costs grow with a room's size, on the real services (a session member and a
 * gateway on a loopback cluster): the time from a browser's register to its subscription being
 * live cluster-wide (each register is a write to Hazelcast's subscription map), and the time
 * from a vote being sent to the event reaching every member of the jam.
 *
 * <pre>mvn -B -q -pl gateway test-compile exec:java -Dskip.web -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.jamsession.gateway.BridgeBenchmark -Dexec.args="ROOMS MEMBERS VOTES"</pre>
 */
public final class BridgeBenchmark {
  private BridgeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rooms = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int members = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int votes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    try (JamServer server = new JamServer(1, Map.of("RATE_LIMIT_MAX", "1000000",
        "WS_RATE_LIMIT_MAX", "1000000", "WS_IP_RATE_LIMIT_MAX", "1000000"))) {
      List<Long> register = new ArrayList<>();
      List<Long> broadcast = new ArrayList<>();
      for (int r = 0; r < rooms; r++) {
        JsonObject created = server.create("Host");
        String code = created.getString("sessionCode");
        List<BridgeClient> room = new ArrayList<>();
        for (int m = 0; m < members; m++) {
          BridgeClient c = server.connect();
          JsonObject join = new JsonObject().put("code", code).put("userName", "M" + m);
          if (m == 0) {
            join.put("hostToken", created.getString("hostToken"));
          }
          c.request("jam.join-session", join);
          if (m == 0) {
            c.request("jam.update-settings", new JsonObject().put("autoPlay", false).put("maxParticipants", 500));
          }
          long t0 = System.nanoTime();
          c.register("jam.events." + code);
          c.awaitEvent("subscribed");
          register.add(System.nanoTime() - t0);
          room.add(c);
        }
        String item = room.get(0).request("jam.add-to-queue",
                new JsonObject().put("songId", server.catalog.all().get(r).id()))
            .getJsonObject("data").getJsonObject("item").getString("id");
        for (int v = 0; v < votes; v++) {
          List<Future<JsonObject>> seen = new ArrayList<>();
          long t0 = System.nanoTime();
          for (BridgeClient c : room) {
            seen.add(c.awaitAsync(c.frames().size(), f -> f.getValue("body") instanceof JsonObject b
                && "queue-updated".equals(b.getString("type"))));
          }
          // Each pass over the voters flips their votes, so every vote changes the queue.
          int value = (v / (members - 1)) % 2 == 0 ? 1 : 0;
          room.get(1 + v % (members - 1)).request("jam.vote", new JsonObject().put("itemId", item).put("value", value));
          Future.all(seen).await(30, TimeUnit.SECONDS);
          broadcast.add(System.nanoTime() - t0);
        }
      }
      System.out.printf("rooms=%d members=%d votes/room=%d%n", rooms, members, votes);
      report("register -> subscription live", register);
      report("vote sent -> event received by every member", broadcast);
    }
  }

  private static void report(String what, List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("%-46s n=%-5d p50=%7.2f ms  p90=%7.2f ms  p99=%7.2f ms  max=%7.2f ms%n", what,
        sorted.length, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
