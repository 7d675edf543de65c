package dev.jamsession.runtime.jam;

import com.hazelcast.map.EntryProcessor;
import dev.jamsession.core.domain.Jam;
import java.util.Map;

/** Stores a new jam unless its code is taken; deterministic, so the backup simply runs it again. */
public record CreateIfAbsent(Jam jam) implements EntryProcessor<String, Jam, Boolean> {
  @Override
  public Boolean process(Map.Entry<String, Jam> entry) {
    if (entry.getValue() != null) {
      return false;
    }
    entry.setValue(jam);
    return true;
  }
}
