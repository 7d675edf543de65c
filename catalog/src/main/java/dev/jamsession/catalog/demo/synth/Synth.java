package dev.jamsession.catalog.demo.synth;

/**
 * A subtractive voice: wavetable oscillators (optionally doubled and detuned for width), a
 * linear ADSR envelope, a one-pole low-pass and optional drive for distorted guitars. A chord
 * is rendered in one pass sharing envelope and filter: that is most of the rendering time.
 */
record Synth(Waveform wave, double attack, double decay, double sustain, double release,
             double cutoffHz, double gain, double detuneCents, double drive)
    implements Instrument {

  private static final double PHASE_SCALE = 4294967296.0;
  private static final int FRAC_BITS = 32 - Waveform.TABLE_BITS;
  private static final float FRAC_SCALE = 1f / (1 << FRAC_BITS);

  static Synth of(Waveform wave, double attack, double decay, double sustain, double release,
                  double cutoffHz, double gain) {
    return new Synth(wave, attack, decay, sustain, release, cutoffHz, gain, 0, 0);
  }

  Synth detuned(double cents) {
    return new Synth(wave, attack, decay, sustain, release, cutoffHz, gain, cents, drive);
  }

  Synth driven(double amount) {
    return new Synth(wave, attack, decay, sustain, release, cutoffHz, gain, detuneCents, amount);
  }

  @Override
  public void play(float[] out, int start, int gate, double[] freqs, double velocity) {
    int rate = SongRenderer.SAMPLE_RATE;
    int end = Math.min(out.length, start + gate + Math.max(1, (int) (release * rate)));
    if (end <= start) {
      return;
    }
    int[] increments = increments(freqs, rate);
    int[] phases = new int[increments.length];
    for (int o = 0; o < phases.length; o++) {
      phases[o] = o * 0x3C6EF372; // spread start phases so unisons do not cancel
    }
    float[] table = wave.table;
    float[] env = envelope(gate, end - start, rate, velocity * gain);
    float alpha = (float) (1 - Math.exp(-2 * Math.PI * Math.min(cutoffHz, rate * 0.45) / rate));
    float norm = detuneCents == 0 ? 1f : 0.5f;
    float lp = 0;
    for (int i = 0, n = end - start; i < n; i++) {
      float x = 0;
      for (int o = 0; o < phases.length; o++) {
        int p = phases[o];
        int idx = p >>> FRAC_BITS;
        float frac = (p & ((1 << FRAC_BITS) - 1)) * FRAC_SCALE;
        x += table[idx] + (table[idx + 1] - table[idx]) * frac;
        phases[o] = p + increments[o];
      }
      x *= norm;
      if (drive > 0) {
        x = (float) Mix.softClip(x * (1 + drive));
      }
      lp += alpha * (x - lp);
      out[start + i] += lp * env[i];
    }
  }

  /** Phase steps per sample in 32-bit fixed point; a detuned twin follows each pitch. */
  private int[] increments(double[] freqs, int rate) {
    boolean twin = detuneCents != 0;
    int[] inc = new int[freqs.length * (twin ? 2 : 1)];
    double ratio = Math.pow(2, detuneCents / 1200);
    for (int i = 0; i < freqs.length; i++) {
      inc[i] = (int) (long) (freqs[i] / rate * PHASE_SCALE);
      if (twin) {
        inc[freqs.length + i] = (int) (long) (freqs[i] * ratio / rate * PHASE_SCALE);
      }
    }
    return inc;
  }

  /** The ADSR curve times the level, sample by sample. */
  private float[] envelope(int gate, int length, int rate, double level) {
    int a = Math.max(1, (int) (attack * rate));
    int d = Math.max(1, (int) (decay * rate));
    int r = Math.max(1, length - gate);
    float[] env = new float[length];
    double value = 0;
    double atGate = 0;
    for (int i = 0; i < length; i++) {
      if (i < gate) {
        value = i < a ? (double) i / a : i < a + d ? 1 - (1 - sustain) * (i - a) / d : sustain;
        atGate = value;
      } else {
        value = atGate * (1 - (double) (i - gate) / r);
      }
      env[i] = (float) (value * level);
    }
    return env;
  }
}
