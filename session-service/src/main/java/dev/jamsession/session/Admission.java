package dev.jamsession.session;

/**
 * Whether a session verticle takes one more participant command or sheds it (docs/ARCHITECTURE.md,
 * "Overload"): not past {@code maxInFlight} running at once, and not while commands have lately
 * been taking longer than {@link #SLOW_MS} (a moving average of the last ones), unless only a few
 * are running. The count bounds the queue; the time bounds it on a machine too slow for the count.
 * Used from one event loop.
 */
final class Admission {
  /** Above this recent time per command the queue nears the gateway's 3 s timeout, past which it collapses. */
  static final double SLOW_MS = 2_000;
  /** Below this many running, a command is always taken: a slow command alone is no overload. */
  static final int FLOOR = 64;
  /** Weight of the newest command in the moving average. */
  private static final double WEIGHT = 0.2;

  private final int maxInFlight;
  private int inFlight;
  private double recentMs;

  Admission(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  /** True, and counted as running, when the command may run; false when it is to be shed. */
  boolean tryStart() {
    if (inFlight >= maxInFlight || (inFlight >= FLOOR && recentMs > SLOW_MS)) {
      return false;
    }
    inFlight++;
    return true;
  }

  /** A command taken by {@link #tryStart} is done after {@code tookMs}. */
  void done(long tookMs) {
    inFlight--;
    recentMs += WEIGHT * (tookMs - recentMs);
  }
}
