package dev.jamsession.core.catalog;

/** A closed interval of one audio feature, part of a mood's region. */
public record FeatureRange(double min, double max) {
  public FeatureRange {
    if (!(min < max)) {
      throw new IllegalArgumentException("a range needs min < max");
    }
  }

  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  /** How far a value sits from the middle, in half-widths: 0 at the centre, 1 at either edge. */
  public double offset(double value) {
    double half = (max - min) / 2;
    return Math.abs(value - (min + half)) / half;
  }
}
