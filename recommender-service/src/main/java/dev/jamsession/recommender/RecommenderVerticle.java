package dev.jamsession.recommender;

import dev.jamsession.core.domain.Input;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.JamException;
import dev.jamsession.recommender.engine.Recommendation;
import dev.jamsession.recommender.engine.Recommender;
import dev.jamsession.recommender.engine.Strategy;
import dev.jamsession.runtime.bus.Replies;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code recommender.recommend}: parses the room's signals and scores them on a worker
 * thread, never on the event loop. Stateless: any number of instances, in one process or many,
 * share the address and the bus spreads requests over them. Every reply names the instance.
 */
public final class RecommenderVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RecommenderVerticle.class);

  private final Recommender engine;
  private final String instance = "recommender-" + UUID.randomUUID().toString().substring(0, 8);

  /** {@code engine} is shared: build it once per process, it is thread-safe. */
  public RecommenderVerticle(Recommender engine) {
    this.engine = engine;
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().consumer(Addresses.RECOMMENDER_RECOMMEND, this::recommend)
        .completion();
  }

  private void recommend(Message<Object> request) {
    vertx.executeBlocking(() -> answer(request.body()), false)
        .onSuccess(request::reply)
        .onFailure(t -> {
          LOG.error("Recommendation failed", t);
          request.reply(Replies.error(t).put("instance", instance));
        });
  }

  /** The reply to one request; refusals are replies too, only a bug fails the future. */
  private JsonObject answer(Object body) {
    try {
      RecommendRequest request = RecommendRequest.parse(body);
      Strategy strategy = engine.strategy(request.strategy()).orElseThrow(() ->
          Input.invalid("strategy must be one of " + engine.strategyNames()));
      List<Recommendation> songs = strategy.recommend(request.signals());
      return Replies.ok(new JsonObject()
          .put("songs", new JsonArray(songs.stream().map(RecommenderVerticle::toJson).toList()))
          .put("strategy", strategy.name())
          .put("instance", instance));
    } catch (JamException e) {
      return Replies.error(e).put("instance", instance);
    }
  }

  private static JsonObject toJson(Recommendation r) {
    return new JsonObject()
        .put("song", new JsonObject(r.song().toMap()))
        .put("score", Math.round(r.score() * 1_000) / 1_000.0)
        .put("reasons", new JsonArray(r.reasons()));
  }
}
