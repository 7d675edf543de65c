package dev.jamsession.catalog.demo.synth;

import java.util.Random;

/**
 * Drum sounds made from sine sweeps and filtered noise, rendered once per song and then mixed
 * in at every hit, which keeps drums almost free to render.
 */
final class DrumKit {

  private static final int RATE = SongRenderer.SAMPLE_RATE;

  final float[] kick;
  final float[] snare;
  final float[] rim;
  final float[] clap;
  final float[] closedHat;
  final float[] openHat;
  final float[] ride;
  final float[] shaker;

  DrumKit(long seed) {
    Random rnd = new Random(seed);
    kick = kick();
    snare = snare(rnd);
    rim = rim(rnd);
    clap = clap(rnd);
    closedHat = hat(rnd, 0.05, 70);
    openHat = hat(rnd, 0.35, 9);
    ride = ride(rnd);
    shaker = shaker(rnd);
  }

  /** The sample a pattern letter names. */
  float[] sound(char name) {
    switch (name) {
      case 'k': return kick;
      case 's': return snare;
      case 'r': return rim;
      case 'c': return clap;
      case 'h': return closedHat;
      case 'o': return openHat;
      case 'd': return ride;
      case 'z': return shaker;
      default: throw new IllegalArgumentException("No drum named " + name);
    }
  }

  /** A sine falling from 150 Hz to 45 Hz with a click on top. */
  private static float[] kick() {
    float[] s = new float[(int) (0.4 * RATE)];
    double phase = 0;
    for (int i = 0; i < s.length; i++) {
      double t = (double) i / RATE;
      double freq = 45 + 105 * Math.exp(-t * 30);
      phase += freq / RATE;
      double click = i < 40 ? (1 - i / 40.0) * 0.4 : 0;
      s[i] = (float) (Math.sin(2 * Math.PI * phase) * Math.exp(-t * 9) + click);
    }
    return s;
  }

  private static float[] snare(Random rnd) {
    float[] s = new float[(int) (0.25 * RATE)];
    double prev = 0;
    for (int i = 0; i < s.length; i++) {
      double t = (double) i / RATE;
      double noise = rnd.nextDouble() * 2 - 1;
      double bright = noise - prev;
      prev = noise;
      double body = Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t * 30);
      s[i] = (float) (0.55 * bright * Math.exp(-t * 17) + 0.5 * body);
    }
    return s;
  }

  private static float[] rim(Random rnd) {
    float[] s = new float[(int) (0.08 * RATE)];
    for (int i = 0; i < s.length; i++) {
      double t = (double) i / RATE;
      double tone = Math.sin(2 * Math.PI * 820 * t) + 0.3 * (rnd.nextDouble() * 2 - 1);
      s[i] = (float) (0.6 * tone * Math.exp(-t * 60));
    }
    return s;
  }

  /** Three quick noise bursts and a tail, like hands clapping together. */
  private static float[] clap(Random rnd) {
    float[] s = new float[(int) (0.3 * RATE)];
    int burst = (int) (0.011 * RATE);
    double prev = 0;
    for (int i = 0; i < s.length; i++) {
      double t = (double) i / RATE;
      double noise = rnd.nextDouble() * 2 - 1;
      double band = noise - prev;
      prev = noise;
      double env = i < 3 * burst ? Math.exp(-(i % burst) / (0.003 * RATE))
          : Math.exp(-(t - 3.0 * burst / RATE) * 14);
      s[i] = (float) (0.6 * band * env);
    }
    return s;
  }

  private static float[] hat(Random rnd, double seconds, double decay) {
    float[] s = new float[(int) (seconds * RATE)];
    double prev = 0;
    for (int i = 0; i < s.length; i++) {
      double t = (double) i / RATE;
      double noise = rnd.nextDouble() * 2 - 1;
      double high = noise - prev;
      prev = noise;
      s[i] = (float) (0.4 * high * Math.exp(-t * decay));
    }
    return s;
  }

  /** Inharmonic partials over noise: a cymbal that rings, for jazz time-keeping. */
  private static float[] ride(Random rnd) {
    float[] s = new float[(int) (0.7 * RATE)];
    double[] partials = {3150, 4270, 5320, 6900};
    for (int i = 0; i < s.length; i++) {
      double t = (double) i / RATE;
      double ring = 0;
      for (double p : partials) {
        ring += Math.sin(2 * Math.PI * p * t) > 0 ? 0.25 : -0.25;
      }
      double noise = rnd.nextDouble() * 2 - 1;
      s[i] = (float) ((0.12 * ring + 0.1 * noise) * Math.exp(-t * 5));
    }
    return s;
  }

  private static float[] shaker(Random rnd) {
    float[] s = new float[(int) (0.09 * RATE)];
    double prev = 0;
    for (int i = 0; i < s.length; i++) {
      double t = (double) i / RATE;
      double noise = rnd.nextDouble() * 2 - 1;
      double high = noise - prev;
      prev = noise;
      double env = Math.min(1, t / 0.02) * Math.exp(-t * 35);
      s[i] = (float) (0.3 * high * env);
    }
    return s;
  }
}
