package dev.jamsession.session;

import dev.jamsession.core.domain.HistoryEntry;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.Participant;
import dev.jamsession.core.domain.QueueItem;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import dev.jamsession.runtime.bus.InternalClient;
import dev.jamsession.runtime.bus.Replies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks recommender-service about a jam: gathers the room's signals (who is here, what is queued
 * and played, every vote and skip) and the jam's rules about songs (PROTOCOL §11: nothing they
 * refuse is offered) and the mood to prefer (§13) into the request of
 * recommender-service/README.md. Short timeout, and a failed instance is retried on another:
 * scoring is read-only.
 */
final class RecommenderClient {
  private final InternalClient recommender;

  RecommenderClient(InternalClient recommender) {
    this.recommender = recommender;
  }

  /**
   * {songs: [{song, score, reasons}]} leaning to {@code mood} (null: none), or UNAVAILABLE when no
   * recommender answers.
   */
  Future<JsonObject> recommend(Jam jam, int limit, String mood) {
    return recommender.request(Addresses.RECOMMENDER_RECOMMEND, signals(jam, limit, mood))
        .recover(t -> Future.failedFuture(unavailable()))
        .compose(reply -> Replies.isSuccess(reply)
            ? Future.succeededFuture(new JsonObject().put("songs", reply.getJsonObject("data").getJsonArray("songs")))
            : Future.failedFuture(unavailable()));
  }

  private static JamException unavailable() {
    return new JamException(ErrorCode.UNAVAILABLE, "Recommendations are unavailable right now");
  }

  static JsonObject signals(Jam jam, int limit, String mood) {
    JsonArray participants = new JsonArray();
    for (Participant p : jam.participants()) {
      participants.add(new JsonObject().put("id", p.id()).put("name", p.name()).put("present", p.connected()));
    }
    JsonArray queue = new JsonArray();
    // The song playing now counts like a queued one: who added it and how it was voted say as much.
    List<QueueItem> items = new ArrayList<>();
    if (jam.current() != null) {
      items.add(jam.current());
    }
    items.addAll(jam.queue());
    for (QueueItem item : items) {
      queue.add(new JsonObject().put("songId", item.song().id()).put("addedById", item.addedById())
          .put("votes", votes(item.votes())));
    }
    JsonArray history = new JsonArray();
    for (HistoryEntry h : jam.history()) {
      history.add(new JsonObject().put("songId", h.song().id()).put("addedById", h.addedById())
          .put("votes", votes(h.votes())).put("skippedBy", new JsonArray(h.skippedBy().stream().sorted().toList())));
    }
    return new JsonObject()
        .put("participants", participants)
        .put("queue", queue)
        .put("history", history)
        .put("currentSongId", jam.current() == null ? null : jam.current().song().id())
        .put("limit", limit)
        .put("seed", jam.code().hashCode() * 31L + jam.rev())
        .put("rules", new JsonObject()
            .put("maxSongDurationMs", jam.settings().maxSongDurationMs())
            .put("blockedGenres", new JsonArray(jam.settings().blockedGenres())))
        .put("mood", mood);
  }

  private static JsonObject votes(Map<String, Integer> votes) {
    JsonObject out = new JsonObject();
    votes.forEach(out::put);
    return out;
  }
}
