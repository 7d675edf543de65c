package dev.jamsession.benchmarks;

import java.util.Arrays;

/** Latency samples in nanoseconds and their percentiles, printed in milliseconds. */
public final class Percentiles {

  private long[] samples = new long[1024];
  private int size;

  public void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  public int size() {
    return size;
  }

  public String summary() {
    long[] sorted = sorted();
    return String.format("n=%6d  p50 %7.3f  p90 %7.3f  p99 %7.3f  p99.9 %7.3f  max %7.3f ms",
        size, ms(at(sorted, 0.50)), ms(at(sorted, 0.90)), ms(at(sorted, 0.99)),
        ms(at(sorted, 0.999)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
  }

  /** The {@code p} quantile (0..1) in nanoseconds; 0 when there are no samples. */
  public long at(double p) {
    return at(sorted(), p);
  }

  private long[] sorted() {
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    return sorted;
  }

  private static long at(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
