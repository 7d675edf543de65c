package dev.jamsession.runtime.jam;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.AppliedRequests;
import dev.jamsession.core.domain.HistoryEntry;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.Participant;
import dev.jamsession.core.domain.Playback;
import dev.jamsession.core.domain.QueueItem;
import dev.jamsession.core.domain.ReactionWindow;
import dev.jamsession.core.domain.Settings;
import java.util.List;

/**
 * The Compact schemas of a jam and everything it holds, and of the reaction windows beside it:
 * each is its record's components ({@link RecordCompact}).
 */
final class StateSerializers {
  private StateSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(JAM, RecordCompact.of(Participant.class), RecordCompact.of(QueueItem.class),
        RecordCompact.of(Song.class), RecordCompact.of(AudioFeatures.class), RecordCompact.of(Playback.class),
        RecordCompact.of(Settings.class), RecordCompact.of(HistoryEntry.class),
        RecordCompact.of(Jam.AppliedRequest.class), RecordCompact.of(ReactionWindow.class));
  }

  /** The jam's request index travels as its flat list. */
  static final CompactSerializer<Jam> JAM = RecordCompact.of(Jam.class, "applied", new RecordCompact.Field(
      (w, applied) -> w.writeArrayOfCompact("applied",
          ((AppliedRequests) applied).all().toArray(new Jam.AppliedRequest[0])),
      r -> AppliedRequests.of(List.of(r.readArrayOfCompact("applied", Jam.AppliedRequest.class)))));
}
