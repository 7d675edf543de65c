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
    BrightNoise noise = new BrightNoise(rnd);
    return sound(0.25, (i, t) -> {
      double body = Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t * 30);
      return 0.55 * noise.next() * Math.exp(-t * 17) + 0.5 * body;
    });
  }

  private static float[] rim(Random rnd) {
    return sound(0.08, (i, t) -> {
      double tone = Math.sin(2 * Math.PI * 820 * t) + 0.3 * (rnd.nextDouble() * 2 - 1);
      return 0.6 * tone * Math.exp(-t * 60);
    });
  }

  /** Three quick noise bursts and a tail, like hands clapping together. */
  private static float[] clap(Random rnd) {
    BrightNoise noise = new BrightNoise(rnd);
    int burst = (int) (0.011 * RATE);
    return sound(0.3, (i, t) -> {
      double env = i < 3 * burst ? Math.exp(-(i % burst) / (0.003 * RATE))
          : Math.exp(-(t - 3.0 * burst / RATE) * 14);
      return 0.6 * noise.next() * env;
    });
  }

  private static float[] hat(Random rnd, double seconds, double decay) {
    BrightNoise noise = new BrightNoise(rnd);
    return sound(seconds, (i, t) -> 0.4 * noise.next() * Math.exp(-t * decay));
  }

  /** Inharmonic partials over noise: a cymbal that rings, for jazz time-keeping. */
  private static float[] ride(Random rnd) {
    double[] partials = {3150, 4270, 5320, 6900};
    return sound(0.7, (i, t) -> {
      double ring = 0;
      for (double p : partials) {
        ring += Math.sin(2 * Math.PI * p * t) > 0 ? 0.25 : -0.25;
      }
      double noise = rnd.nextDouble() * 2 - 1;
      return (0.12 * ring + 0.1 * noise) * Math.exp(-t * 5);
    });
  }

  private static float[] shaker(Random rnd) {
    BrightNoise noise = new BrightNoise(rnd);
    return sound(0.09, (i, t) -> {
      double env = Math.min(1, t / 0.02) * Math.exp(-t * 35);
      return 0.3 * noise.next() * env;
    });
  }

  /** A sample's value from its index and its time in seconds; called in order, once per sample. */
  private interface Sample {
    double at(int i, double t);
  }

  /** A sound {@code seconds} long, sample by sample. */
  private static float[] sound(double seconds, Sample sample) {
    float[] s = new float[(int) (seconds * RATE)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) sample.at(i, (double) i / RATE);
    }
    return s;
  }

  /** White noise minus its previous value: the bright hiss of snares, claps, hats and shakers. */
  private static final class BrightNoise {
    private final Random rnd;
    private double previous;

    BrightNoise(Random rnd) {
      this.rnd = rnd;
    }

    double next() {
      double noise = rnd.nextDouble() * 2 - 1;
      double bright = noise - previous;
      previous = noise;
      return bright;
    }
  }
}
