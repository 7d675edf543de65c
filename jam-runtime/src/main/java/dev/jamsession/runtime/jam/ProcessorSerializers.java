package dev.jamsession.runtime.jam;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.List;

/** The Compact schemas of what is sent to a jam's owner and what comes back. */
final class ProcessorSerializers {
  private ProcessorSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(
        RecordCompact.of(JamProcessor.class),
        RecordCompact.of(CommandResult.class),
        RecordCompact.of(EncodedEvent.class),
        RecordCompact.of(ReactionGate.class),
        RecordCompact.of(CreateIfAbsent.class),
        RecordCompact.of(JamStats.class),
        Compact.of(JamStatsAggregator.class, r -> new JamStatsAggregator(r.readCompact("totals")),
            (w, a) -> w.writeCompact("totals", a.totals())),
        RecordCompact.of(JamQueries.Listed.class),
        RecordCompact.of(JamQueries.ExpiryCandidate.class),
        RecordCompact.of(JamQueries.NeedsAutofill.class));
  }
}
