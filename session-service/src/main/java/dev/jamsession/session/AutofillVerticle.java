package dev.jamsession.session;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.catalog.SongLookup;
import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.AutofillRule;
import dev.jamsession.runtime.jam.JamQueries;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the music going: for this member's jams about to run out of songs (see
 * {@link AutofillRule#needsAutofill}), asks the recommender for the room's best next song (in the
 * jam's mood, when it has one) and adds it, marked as added by the recommender. The jam re-checks that the queue is still dry when it arrives.
 */
public final class AutofillVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AutofillVerticle.class);
  private static final long INTERVAL_MS = 1_000;
  private static final int CHOICES = 5;

  private final SessionSettings settings;
  private final SongLookup songs;
  private final RecommenderClient recommender;
  private final Set<String> inFlight = new HashSet<>();
  private JamStore store;
  private JamEvents events;

  AutofillVerticle(SessionSettings settings, SongLookup songs, RecommenderClient recommender) {
    this.settings = settings;
    this.songs = songs;
    this.recommender = recommender;
  }

  @Override
  public Future<?> start() {
    store = new JamStore(vertx, settings.jams(), settings.reactions());
    events = new JamEvents(vertx, settings.metrics());
    vertx.setPeriodic(INTERVAL_MS, id -> sweep());
    return Future.succeededFuture();
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    store.localCodesWhere(new JamQueries.NeedsAutofill(now)).onSuccess(codes -> codes.forEach(code -> {
      if (inFlight.add(code)) {
        fill(code).onComplete(ar -> inFlight.remove(code));
      }
    }));
  }

  private Future<Void> fill(String code) {
    return store.get(code)
        .compose(jam -> recommender.recommend(jam, CHOICES, jam.settings().mood()))
        .compose(result -> firstKnown(result.getJsonArray("songs"))
            .map(song -> {
              long now = System.currentTimeMillis();
              Command fill = new Command.Autofill(song);
              return store.execute(code, fill, now).onSuccess(done -> events.publish(code, fill, done, now)).<Void>mapEmpty();
            })
            .orElse(Future.succeededFuture()))
        .onFailure(t -> LOG.debug("Autofill of jam {} skipped: {}", code, t.getMessage()));
  }

  private Optional<Song> firstKnown(JsonArray recommended) {
    for (int i = 0; recommended != null && i < recommended.size(); i++) {
      JsonObject song = recommended.getJsonObject(i).getJsonObject("song");
      Optional<Song> known = songs.byId(song == null ? null : song.getString("id"));
      if (known.isPresent()) {
        return known;
      }
    }
    return Optional.empty();
  }
}
