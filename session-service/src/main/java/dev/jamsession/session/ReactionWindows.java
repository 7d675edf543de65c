package dev.jamsession.session;

import com.hazelcast.map.IMap;
import dev.jamsession.core.domain.ReactionWindow;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.jam.ReactionGate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The reaction rate of PROTOCOL §12, per participant and outside the jam's state: a reaction
 * changes no revision, so its window is kept beside the jam (docs/ARCHITECTURE.md, "Reactions
 * change no state"), in a map of its own without backups.
 */
final class ReactionWindows {
  private final Vertx vertx;
  private final IMap<String, ReactionWindow> windows;

  ReactionWindows(Vertx vertx, IMap<String, ReactionWindow> windows) {
    this.vertx = vertx;
    this.windows = windows;
  }

  /** Succeeds when the reaction fits the participant's window (and counts it), else RATE_LIMITED. */
  Future<Void> admit(String code, String participantId, long now) {
    return Future.fromCompletionStage(windows.submitToKey(JamNode.reactionKey(code, participantId),
            new ReactionGate(now)), vertx.getOrCreateContext())
        .compose(accepted -> accepted ? Future.succeededFuture() : Future.failedFuture(ReactionWindow.limitReached()));
  }
}
