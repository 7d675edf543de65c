package dev.jamsession.catalog.demo.synth;

/**
 * A plucked string (Karplus-Strong): a burst of noise circulating in a tuned delay line that
 * averages itself, so it decays like a guitar, harp or upright bass. An all-pass filter tunes
 * the fractional part of the delay, keeping high notes in tune.
 */
record Pluck(double brightness, double decaySeconds, double release, double gain)
    implements Instrument {

  @Override
  public void play(float[] out, int start, int gate, double[] freqs, double velocity) {
    for (double freq : freqs) {
      pluck(out, start, gate, freq, velocity);
    }
  }

  private void pluck(float[] out, int start, int gate, double freq, double velocity) {
    int rate = SongRenderer.SAMPLE_RATE;
    double period = rate / freq;
    int n = (int) Math.floor(period - 0.5);
    double frac = period - 0.5 - n;
    if (frac < 0.1) {
      n--;
      frac += 1;
    }
    double c = (1 - frac) / (1 + frac);
    float[] line = excitation(n, start, freq);
    double loss = Math.exp(Math.log(0.001) / (decaySeconds * rate));
    int r = Math.max(1, (int) (release * rate));
    int end = Math.min(out.length, start + gate + r);
    double level = velocity * gain;
    double oldest = 0;
    double apIn = 0;
    double apOut = 0;
    int idx = 0;
    for (int i = 0, len = end - start; i < len; i++) {
      double avg = 0.5 * (line[idx] + oldest);
      oldest = line[idx];
      double y = c * avg + apIn - c * apOut;
      apIn = avg;
      apOut = y;
      line[idx] = (float) (y * loss);
      idx = idx + 1 == n ? 0 : idx + 1;
      double env = i < gate ? 1 : 1 - (double) (i - gate) / r;
      out[start + i] += (float) (y * env * level);
    }
  }

  /** Low-passed noise; seeded by the note itself so a song always renders the same. */
  private float[] excitation(int n, int start, double freq) {
    long state = start * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(freq);
    float[] line = new float[n];
    double lp = 0;
    for (int i = 0; i < n; i++) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      double noise = (state >>> 11) * 0x1.0p-53 * 2 - 1;
      lp += brightness * (noise - lp);
      line[i] = (float) lp;
    }
    return line;
  }
}
