package dev.jamsession.runtime.jam;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import dev.jamsession.core.domain.ReactionWindow;
import dev.jamsession.core.protocol.JamException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts one reaction against a participant's {@link ReactionWindow} on the owner of its key, so
 * every session member sees one window per participant and two reactions cannot both take its
 * last place (docs/ARCHITECTURE.md, "Reactions change no state"). True when accepted. A window
 * lives {@link ReactionWindow#WINDOW_MS} after its last reaction, then expires: by then nothing
 * in it counts.
 */
public record ReactionGate(long now) implements EntryProcessor<String, ReactionWindow, Boolean> {

  @Override
  public Boolean process(Map.Entry<String, ReactionWindow> entry) {
    ReactionWindow window = entry.getValue() == null ? ReactionWindow.EMPTY : entry.getValue();
    try {
      ((ExtendedMapEntry<String, ReactionWindow>) entry)
          .setValue(window.accept(now), ReactionWindow.WINDOW_MS, TimeUnit.MILLISECONDS);
      return true;
    } catch (JamException limited) {
      return false; // a refusal does not count, so the window stays as it was
    }
  }

  @Override
  public EntryProcessor<String, ReactionWindow, Boolean> getBackupProcessor() {
    return null; // the map has no backups: a window is not worth replicating
  }
}
