package dev.jamsession.recommender.engine;

/**
 * Seeded randomness per song that does not depend on the order songs are visited in, so a fixed
 * seed gives the same answer however the candidates were gathered.
 */
final class Noise {
  private Noise() {}

  /** A value in [0, 1) determined by the seed and the song. */
  static double unit(long seed, int song) {
    long z = seed + (song + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }
}
