package dev.jamsession.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.recommender.testing.SyntheticCatalog;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.bus.InternalClient;
import dev.jamsession.runtime.bus.Replies;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two recommender-service instances on their own cluster members: the bus shares requests
 * between them, and stopping one while requests flow loses none (the caller retries on the
 * other, as the session side does).
 */
class ClusteredRecommenderTest {
  @Test
  void requestsAreSharedAndStoppingAnInstanceLosesNone() throws Exception {
    List<Song> songs = SyntheticCatalog.generate(2_000, 10, 60, 7);
    try (TestCluster cluster = new TestCluster()) {
      JamNode caller = cluster.start(JamNode.Role.DATA); // the session side's seat; also holds the bus registry
      List<AtomicInteger> served = new ArrayList<>();
      List<JamNode> recommenders = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        JamNode node = cluster.start(JamNode.Role.LITE);
        RecommenderService.deploy(node.vertx(), songs).await(30, TimeUnit.SECONDS);
        AtomicInteger count = new AtomicInteger();
        node.vertx().eventBus().addInboundInterceptor(ctx -> {
          if (Addresses.RECOMMENDER_RECOMMEND.equals(ctx.message().address())) {
            count.incrementAndGet();
          }
          ctx.next();
        });
        served.add(count);
        recommenders.add(node);
      }
      // Patient: what this test shows is that no request is lost, not how fast a cold JVM with
      // three members answers 40 at once (a busy CI machine took over 1.5 s twice). A request
      // that went to the stopped instance is sent again when the cluster reports it gone.
      InternalClient client = caller.internalClient(5_000, 3);
      JsonObject request = request(songs);

      List<JsonObject> warmup = Future.all(batch(client, request, 40)).await(60, TimeUnit.SECONDS).list();
      assertThat(warmup).allSatisfy(r -> assertThat(Replies.isSuccess(r)).as(r.encode()).isTrue());
      assertThat(served).allSatisfy(c -> assertThat(c.get()).isGreaterThan(5));

      List<Future<JsonObject>> flowing = new ArrayList<>();
      for (int stream = 0; stream < 8; stream++) {
        flowing.add(sequence(client, request, 25));
      }
      cluster.stop(recommenders.get(0));
      List<JsonObject> last = Future.all(flowing).await(120, TimeUnit.SECONDS).list();
      assertThat(last).allSatisfy(r -> assertThat(Replies.isSuccess(r)).as(r.encode()).isTrue());
      JsonObject reply = client.request(Addresses.RECOMMENDER_RECOMMEND, request).await(10, TimeUnit.SECONDS);
      assertThat(reply.getJsonObject("data").getJsonArray("songs")).hasSize(10);
    }
  }

  private static List<Future<JsonObject>> batch(InternalClient client, JsonObject request, int n) {
    List<Future<JsonObject>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(client.request(Addresses.RECOMMENDER_RECOMMEND, request));
    }
    return out;
  }

  /** {@code n} requests one after another; fails on the first failed one. */
  private static Future<JsonObject> sequence(InternalClient client, JsonObject request, int n) {
    Future<JsonObject> chain = client.request(Addresses.RECOMMENDER_RECOMMEND, request);
    for (int i = 1; i < n; i++) {
      chain = chain.compose(reply -> Replies.isSuccess(reply)
          ? client.request(Addresses.RECOMMENDER_RECOMMEND, request)
          : Future.failedFuture(reply.encode()));
    }
    return chain;
  }

  private static JsonObject request(List<Song> songs) {
    return new JsonObject()
        .put("participants", new JsonArray()
            .add(new JsonObject().put("id", "p1").put("name", "Ana").put("present", true))
            .add(new JsonObject().put("id", "p2").put("name", "Ben").put("present", true)))
        .put("queue", new JsonArray()
            .add(new JsonObject().put("songId", songs.get(0).id()).put("addedById", "p1")
                .put("votes", new JsonObject().put("p2", 1))))
        .put("history", new JsonArray())
        .put("limit", 10);
  }
}
