package dev.jamsession.catalog.demo.synth;

/** Mixing helpers shared by voices and the master bus. */
final class Mix {

  private Mix() {}

  /** A cheap tanh: rounds peaks off instead of clipping them hard. */
  static double softClip(double x) {
    if (x > 3) {
      return 1;
    }
    if (x < -3) {
      return -1;
    }
    double x2 = x * x;
    return x * (27 + x2) / (27 + 9 * x2);
  }

  /** Adds a one-shot sample (a drum hit) at {@code start}. */
  static void add(float[] out, int start, float[] sample, double gain) {
    int n = Math.min(sample.length, out.length - start);
    for (int i = 0; i < n; i++) {
      out[start + i] += (float) (sample[i] * gain);
    }
  }
}
