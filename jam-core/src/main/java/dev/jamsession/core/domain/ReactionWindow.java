package dev.jamsession.core.domain;

import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.ArrayList;
import java.util.List;

/**
 * One participant's accepted reactions of the last {@link #WINDOW_MS} (PROTOCOL §12: at most
 * {@link #MAX} in any 10 s; refused ones do not count). Immutable; oldest first.
 */
public record ReactionWindow(List<Long> acceptedAt) {
  public static final int MAX = 10;
  public static final long WINDOW_MS = 10_000;
  public static final ReactionWindow EMPTY = new ReactionWindow(List.of());

  public ReactionWindow {
    acceptedAt = List.copyOf(acceptedAt);
  }

  /** The window with a reaction accepted at {@code now}, or RATE_LIMITED when it is full. */
  public ReactionWindow accept(long now) {
    List<Long> recent = new ArrayList<>(MAX);
    for (long at : acceptedAt) {
      if (at > now - WINDOW_MS) {
        recent.add(at);
      }
    }
    if (recent.size() >= MAX) {
      throw limitReached();
    }
    recent.add(now);
    return new ReactionWindow(recent);
  }

  /** The refusal of a reaction over the limit. */
  public static JamException limitReached() {
    return new JamException(ErrorCode.RATE_LIMITED,
        "That is a lot of reactions: at most " + MAX + " in " + WINDOW_MS / 1000 + " seconds");
  }
}
