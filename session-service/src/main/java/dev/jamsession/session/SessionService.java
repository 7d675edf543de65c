package dev.jamsession.session;

import dev.jamsession.core.catalog.SongLookup;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import io.vertx.core.Future;

/** Deploys the session service's verticles on a data member; used by its main and by the all-in-one. */
public final class SessionService {
  /** Scoring takes milliseconds; a recommender that takes longer is treated as gone. */
  private static final long RECOMMENDER_TIMEOUT_MS = 1_500;

  private SessionService() {}

  public static Future<Void> deploy(JamNode node, JamConfig config, SongLookup songs) {
    // A member that left is remembered before a listener (the ticker's) acts on it: its handling
    // of a lost gateway then never runs before a late join can see that the gateway is gone.
    LostGateways lost = new LostGateways();
    SessionSettings settings = new SessionSettings(node.jams(), node.reactionWindows(), config.maxQueueSize(),
        config.sessionMaxInFlight(),
        config.disconnectGraceMs(), config.tickIntervalMs(), new SessionMetrics(node.registry()),
        listener -> node.onMemberLeft(id -> {
          lost.add(id);
          listener.accept(id);
        }), lost);
    RecommenderClient recommender = new RecommenderClient(
        node.internalClient(RECOMMENDER_TIMEOUT_MS, 2));
    return Future.all(
            node.vertx().deployVerticle(new SessionVerticle(songs, settings, recommender)),
            node.vertx().deployVerticle(new TickerVerticle(settings)),
            node.vertx().deployVerticle(new AutofillVerticle(settings, songs, recommender)))
        .mapEmpty();
  }
}
