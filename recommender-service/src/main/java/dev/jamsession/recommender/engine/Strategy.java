package dev.jamsession.recommender.engine;

import java.util.List;

/** A way of ranking the catalog for a room. Implementations are immutable and thread-safe. */
public interface Strategy {

  /** The name a request selects this strategy by. */
  String name();

  /** At most {@code room.limit()} songs, best first, none of them current, queued or played. */
  List<Recommendation> recommend(RoomSignals room);
}
