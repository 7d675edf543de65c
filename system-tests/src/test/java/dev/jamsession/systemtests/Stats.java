package dev.jamsession.systemtests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Gap measurements in milliseconds, summarised as the reports print them. */
final class Stats {
  private Stats() {}

  static long max(Collection<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(-1);
  }

  static long median(Collection<Long> values) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  static String summary(String what, Collection<Long> millis) {
    return String.format("%s: max %d ms, median %d ms over %d clients", what, max(millis), median(millis), millis.size());
  }

  /**
   * The longest stretch without an arrival in [from, to] (nanoTime), counting the stretch from
   * {@code from} to the first arrival and from the last one to {@code to}; in ms.
   */
  static long longestSilenceMillis(List<Long> arrivals, long from, long to) {
    long previous = from;
    long longest = 0;
    for (long t : arrivals) {
      if (t < from) {
        continue;
      }
      if (t > to) {
        break;
      }
      longest = Math.max(longest, t - previous);
      previous = t;
    }
    longest = Math.max(longest, to - previous);
    return longest / 1_000_000;
  }
}
