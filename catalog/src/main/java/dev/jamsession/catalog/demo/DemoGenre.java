package dev.jamsession.catalog.demo;

import java.util.Random;

/**
 * The demo library's genres with the ranges their songs' features fall in, so that what a
 * song claims (tempo, energy, mood) is what its synthesised audio sounds like.
 */
public enum DemoGenre {
  //          name          tempo     energy      valence     dance       acoustic    seconds   first year  popularity
  POP("Pop",               96, 128,  .55, .85,   .50, .90,   .60, .85,   .05, .35,   150, 230, 1985, 2020, .55),
  ROCK("Rock",            105, 150,  .65, .95,   .30, .70,   .35, .60,   .02, .25,   160, 270, 1968, 2015, .50),
  ELECTRONIC("Electronic", 118, 132, .60, .90,   .30, .70,   .70, .92,   .00, .12,   180, 300, 1990, 2020, .45),
  HIP_HOP("Hip-Hop",       80,  98,  .55, .80,   .30, .70,   .70, .90,   .05, .30,   150, 240, 1988, 2020, .55),
  JAZZ("Jazz",            100, 170,  .25, .55,   .40, .75,   .35, .60,   .60, .90,   170, 300, 1956, 2015, .35),
  BLUES("Blues",           70, 110,  .35, .65,   .20, .50,   .40, .60,   .45, .80,   160, 280, 1958, 2012, .30),
  FOLK("Folk",             85, 120,  .20, .50,   .35, .75,   .35, .55,   .70, .95,   130, 240, 1965, 2020, .35),
  CLASSICAL("Classical",   60, 100,  .08, .35,   .20, .60,   .10, .30,   .85, .99,   180, 300, 1960, 2018, .25),
  REGGAE("Reggae",         66,  84,  .40, .65,   .60, .90,   .70, .88,   .30, .60,   160, 260, 1972, 2015, .40),
  AMBIENT("Ambient",       60,  90,  .05, .30,   .30, .60,   .10, .30,   .40, .80,   180, 300, 1985, 2020, .25);

  private final String displayName;
  private final double[] ranges;
  private final int minSeconds;
  private final int maxSeconds;
  private final int firstYear;
  private final int lastFirstYear;
  private final double popularity;

  DemoGenre(String displayName, double minTempo, double maxTempo, double minEnergy,
            double maxEnergy, double minValence, double maxValence, double minDance,
            double maxDance, double minAcoustic, double maxAcoustic, int minSeconds,
            int maxSeconds, int firstYear, int lastFirstYear, double popularity) {
    this.displayName = displayName;
    this.ranges = new double[] {minTempo, maxTempo, minEnergy, maxEnergy, minValence,
        maxValence, minDance, maxDance, minAcoustic, maxAcoustic};
    this.minSeconds = minSeconds;
    this.maxSeconds = maxSeconds;
    this.firstYear = firstYear;
    this.lastFirstYear = lastFirstYear;
    this.popularity = popularity;
  }

  public String displayName() {
    return displayName;
  }

  /** The genre a demo song's genre field names; empty for anything else. */
  public static java.util.Optional<DemoGenre> byName(String name) {
    for (DemoGenre g : values()) {
      if (g.displayName.equalsIgnoreCase(name)) {
        return java.util.Optional.of(g);
      }
    }
    return java.util.Optional.empty();
  }

  int tempo(Random rnd) {
    return (int) Math.round(between(rnd, ranges[0], ranges[1]));
  }

  double energy(Random rnd) {
    return between(rnd, ranges[2], ranges[3]);
  }

  double valence(Random rnd) {
    return between(rnd, ranges[4], ranges[5]);
  }

  double danceability(Random rnd) {
    return between(rnd, ranges[6], ranges[7]);
  }

  double acousticness(Random rnd) {
    return between(rnd, ranges[8], ranges[9]);
  }

  long durationMs(Random rnd) {
    return minSeconds * 1000L + rnd.nextInt((maxSeconds - minSeconds) * 1000 + 1);
  }

  int firstYear(Random rnd) {
    return firstYear + rnd.nextInt(lastFirstYear - firstYear + 1);
  }

  double basePopularity() {
    return popularity;
  }

  private static double between(Random rnd, double min, double max) {
    return round3(min + rnd.nextDouble() * (max - min));
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
