package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.gateway.JamServer.Member;
import dev.jamsession.runtime.JamNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * No lost update: 50 participants vote at once on one jam through two session-service
 * instances; every item's final score equals the sum of the last acknowledged vote of each
 * participant on it.
 */
class ConcurrentVotesTest {
  @Test
  void fiftyConcurrentVotersLoseNoAcknowledgedVote() throws Exception {
    try (JamServer server = JamServer.started(2, Map.of("RATE_LIMIT_MAX", "100000"))) {
      Map<JamNode, AtomicInteger> handled = new HashMap<>();
      for (JamNode node : server.sessionNodes) {
        AtomicInteger count = new AtomicInteger();
        handled.put(node, count);
        node.vertx().eventBus().addInboundInterceptor(ctx -> {
          if (Addresses.SESSION_COMMAND.equals(ctx.message().address())) {
            count.incrementAndGet();
          }
          ctx.next();
        });
      }
      Member host = server.hostOfNewJam("Host");
      String code = host.code();
      host.send("jam.update-settings", new JsonObject().put("autoPlay", false).put("maxParticipants", 60));
      List<String> items = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        JsonObject reply = host.add(server.songId(i));
        items.add(reply.getJsonObject("data").getJsonObject("item").getString("id"));
      }
      List<Member> voters = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        voters.add(server.join(code, "Voter " + i, null));
      }

      Map<String, Integer> lastAcked = new ConcurrentHashMap<>(); // "participant/item" -> value
      List<Future<Void>> all = new ArrayList<>();
      for (int v = 0; v < voters.size(); v++) {
        all.add(voteSequence(voters.get(v), items, new Random(v), lastAcked, 8));
      }
      Future.all(all).await(120, TimeUnit.SECONDS);

      JsonObject snapshot = host.send("jam.snapshot", null).getJsonObject("data");
      Map<String, Integer> expected = new HashMap<>();
      items.forEach(item -> expected.put(item, 0));
      lastAcked.forEach((key, value) -> expected.merge(key.substring(key.indexOf('/') + 1), value, Integer::sum));
      Map<String, Integer> actual = new HashMap<>();
      snapshot.getJsonArray("queue").forEach(o -> {
        JsonObject item = (JsonObject) o;
        actual.put(item.getString("id"), item.getInteger("score"));
      });
      assertThat(actual).isEqualTo(expected);
      assertThat(handled.values()).allSatisfy(c -> assertThat(c.get()).isGreaterThan(20));
    }
  }

  /** One participant's votes, each sent after the previous was acknowledged. */
  private static Future<Void> voteSequence(Member m, List<String> items, Random random,
                                           Map<String, Integer> lastAcked, int remaining) {
    if (remaining == 0) {
      return Future.succeededFuture();
    }
    String item = items.get(random.nextInt(items.size()));
    int value = random.nextInt(3) - 1;
    return m.client().requestAsync("jam.vote", new JsonObject().put("itemId", item).put("value", value))
        .compose(reply -> {
          if (!reply.getBoolean("success")) {
            return Future.failedFuture(reply.encode());
          }
          lastAcked.put(m.id() + "/" + item, value);
          return voteSequence(m, items, random, lastAcked, remaining - 1);
        });
  }
}
