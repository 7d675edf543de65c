package dev.jamsession.runtime.jam;

import com.hazelcast.query.Predicate;
import dev.jamsession.core.domain.AutofillRule;
import dev.jamsession.core.domain.Jam;
import java.util.Map;

/** The queries over the jams map, as serializable records (no lambdas sent across members). */
public final class JamQueries {
  private JamQueries() {}

  /** Jams whose host listed them publicly. */
  public record Listed() implements Predicate<String, Jam> {
    @Override
    public boolean apply(Map.Entry<String, Jam> e) {
      return e.getValue().settings().listed();
    }
  }

  /** Jams with no activity since {@code idleBefore}, or empty since {@code emptyBefore}. */
  public record ExpiryCandidate(long idleBefore, long emptyBefore) implements Predicate<String, Jam> {
    @Override
    public boolean apply(Map.Entry<String, Jam> e) {
      Jam jam = e.getValue();
      return jam.lastActivity() < idleBefore || (jam.isEmpty() && jam.lastActivity() <= emptyBefore);
    }
  }

  /** Jams about to run out of songs at {@code now} ({@link AutofillRule#needsAutofill}). */
  public record NeedsAutofill(long now) implements Predicate<String, Jam> {
    @Override
    public boolean apply(Map.Entry<String, Jam> e) {
      return AutofillRule.needsAutofill(e.getValue(), now);
    }
  }
}
