package dev.jamsession.catalog.demo.synth;

/**
 * Oscillator shapes as one-period wavetables built from a limited number of harmonics, so
 * every shape costs one table lookup per sample and bright shapes alias less.
 */
enum Waveform {
  SINE(h -> h == 1 ? 1 : 0),
  TRIANGLE(h -> h % 2 == 1 ? (((h - 1) / 2) % 2 == 0 ? 1.0 : -1.0) / (h * h) : 0),
  SAW(h -> 1.0 / h),
  SQUARE(h -> h % 2 == 1 ? 1.0 / h : 0),
  /** Drawbar organ: fundamental with octave and twelfth. */
  ORGAN(h -> h == 1 ? 1 : h == 2 ? 0.5 : h == 3 ? 0.35 : h == 4 ? 0.15 : 0),
  /** Electric piano: a soft fundamental with a bright, quiet overtone. */
  EPIANO(h -> h == 1 ? 1 : h == 2 ? 0.08 : h == 3 ? 0.02 : h == 4 ? 0.12 : 0);

  static final int TABLE_BITS = 12;
  static final int TABLE_SIZE = 1 << TABLE_BITS;
  private static final int HARMONICS = 24;

  /** One period, peak 1, with a guard sample so interpolation never wraps. */
  final float[] table;

  Waveform(java.util.function.IntToDoubleFunction harmonic) {
    double[] raw = new double[TABLE_SIZE + 1];
    double peak = 0;
    for (int i = 0; i <= TABLE_SIZE; i++) {
      double x = 2 * Math.PI * i / TABLE_SIZE;
      for (int h = 1; h <= HARMONICS; h++) {
        double amplitude = harmonic.applyAsDouble(h);
        if (amplitude != 0) {
          raw[i] += amplitude * Math.sin(h * x);
        }
      }
      peak = Math.max(peak, Math.abs(raw[i]));
    }
    table = new float[TABLE_SIZE + 1];
    for (int i = 0; i <= TABLE_SIZE; i++) {
      table[i] = (float) (raw[i] / peak);
    }
  }
}
