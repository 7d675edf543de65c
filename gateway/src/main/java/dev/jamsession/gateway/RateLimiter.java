package dev.jamsession.gateway;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Fixed-window counters per key (an IP address or a connection); stale windows are dropped as
 * the map is touched. Synchronized: a node's per-address limits are shared by its event loops.
 */
public final class RateLimiter {
  private final int max;
  private final long windowMs;
  private final Map<String, long[]> windows = new HashMap<>(); // key -> {windowStart, count}
  private long lastPurge;

  public RateLimiter(int max, long windowMs) {
    this.max = max;
    this.windowMs = windowMs;
  }

  /** Counts one request; returns 0 when allowed, else the milliseconds until the window resets. */
  public synchronized long acquire(String key, long now) {
    purge(now);
    long[] w = windows.computeIfAbsent(key, k -> new long[] {now, 0});
    if (now - w[0] >= windowMs) {
      w[0] = now;
      w[1] = 0;
    }
    if (w[1] >= max) {
      return Math.max(1, w[0] + windowMs - now);
    }
    w[1]++;
    return 0;
  }

  private void purge(long now) {
    if (now - lastPurge < windowMs) {
      return;
    }
    lastPurge = now;
    for (Iterator<long[]> it = windows.values().iterator(); it.hasNext(); ) {
      if (now - it.next()[0] >= windowMs) {
        it.remove();
      }
    }
  }
}
