package dev.jamsession.recommender.engine;

import dev.jamsession.core.catalog.Song;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scoring engine over one catalog: indexes it once, then answers any number of requests
 * from any number of threads. Plain Java; the verticle runs it off the event loop.
 */
public final class Recommender {
  public static final String DEFAULT_STRATEGY = RoomBlendStrategy.NAME;

  private final Map<String, Strategy> strategies;

  public Recommender(Collection<Song> catalog) {
    CatalogIndex index = new CatalogIndex(catalog);
    strategies = Map.of(
        RoomBlendStrategy.NAME, new RoomBlendStrategy(index),
        BaselineStrategy.NAME, new BaselineStrategy(index));
  }

  /** Recommendations of the default strategy. */
  public List<Recommendation> recommend(RoomSignals room) {
    return strategies.get(DEFAULT_STRATEGY).recommend(room);
  }

  public Optional<Strategy> strategy(String name) {
    return Optional.ofNullable(strategies.get(name));
  }

  public Set<String> strategyNames() {
    return new TreeSet<>(strategies.keySet());
  }
}
