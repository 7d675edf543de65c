package dev.jamsession.runtime.jam;

import com.hazelcast.aggregation.Aggregator;
import dev.jamsession.core.domain.Jam;
import java.util.Map;

/**
 * Computes {@link JamStats} where the jams live (each member sums its own partitions; Hazelcast
 * combines the parts) instead of shipping every jam to a caller. Hazelcast gives each partition
 * run its own copy, so the running total may be a field.
 */
public final class JamStatsAggregator implements Aggregator<Map.Entry<String, Jam>, JamStats> {
  private JamStats totals;

  public JamStatsAggregator() {
    this(JamStats.NONE);
  }

  JamStatsAggregator(JamStats totals) {
    this.totals = totals;
  }

  JamStats totals() {
    return totals;
  }

  @Override
  public void accumulate(Map.Entry<String, Jam> entry) {
    totals = totals.plus(JamStats.of(entry.getValue()));
  }

  @Override
  @SuppressWarnings("rawtypes") // Hazelcast's own signature
  public void combine(Aggregator aggregator) {
    totals = totals.plus(((JamStatsAggregator) aggregator).totals);
  }

  @Override
  public JamStats aggregate() {
    return totals;
  }
}
