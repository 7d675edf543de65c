package dev.jamsession.session;

import com.hazelcast.aggregation.Aggregator;
import dev.jamsession.core.domain.Jam;
import java.util.Map;

/**
 * Cluster-wide totals for the status page, computed where the jams live (each member sums
 * its own partitions; Hazelcast combines the parts) instead of shipping every jam to a caller.
 */
final class JamStatsAggregator implements Aggregator<Map.Entry<String, Jam>, long[]> {
  // jams, participants, connected participants, queued songs, playing jams
  private final long[] totals = new long[5];

  @Override
  public void accumulate(Map.Entry<String, Jam> entry) {
    Jam jam = entry.getValue();
    totals[0]++;
    totals[1] += jam.participants().size();
    totals[2] += jam.connectedCount();
    totals[3] += jam.queue().size();
    totals[4] += jam.current() != null && jam.playback().isPlaying() ? 1 : 0;
  }

  @Override
  public void combine(Aggregator aggregator) {
    long[] other = ((JamStatsAggregator) aggregator).totals;
    for (int i = 0; i < totals.length; i++) {
      totals[i] += other[i];
    }
  }

  @Override
  public long[] aggregate() {
    return totals.clone();
  }
}
