package dev.jamsession.runtime.jam;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dev.jamsession.core.domain.Jam;
import java.util.Map;

/**
 * One jam's sizes, read where the jam lives: the census ships these five numbers, not the jam
 * (reading whole jams every few seconds serialised each one on its partition thread, between the
 * commands). Read-only, so it takes no backup and no write.
 */
public record JamCensus() implements EntryProcessor<String, Jam, JamStats>, ReadOnly {
  @Override
  public JamStats process(Map.Entry<String, Jam> entry) {
    return entry.getValue() == null ? null : JamStats.of(entry.getValue());
  }

  @Override
  public EntryProcessor<String, Jam, JamStats> getBackupProcessor() {
    return null;
  }
}
