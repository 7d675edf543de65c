package dev.jamsession.session;

import dev.jamsession.core.catalog.SongLookup;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import io.vertx.core.Future;

/** Deploys the session service's verticles on a data member; used by its main and by the all-in-one. */
public final class SessionService {
  private SessionService() {}

  public static Future<Void> deploy(JamNode node, JamConfig config, SongLookup songs) {
    SessionSettings settings = new SessionSettings(node.jams(), config.maxQueueSize(),
        config.disconnectGraceMs(), config.tickIntervalMs(), new SessionMetrics(node.registry()),
        node::onMemberLeft);
    return Future.all(
            node.vertx().deployVerticle(new SessionVerticle(songs, settings)),
            node.vertx().deployVerticle(new TickerVerticle(settings)))
        .mapEmpty();
  }
}
