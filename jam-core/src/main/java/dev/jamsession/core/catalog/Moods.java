package dev.jamsession.core.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The moods this server offers. Their regions overlap as little as music allows, so different
 * moods play mostly different songs; tempo is in beats per minute, energy and valence in [0, 1].
 */
public final class Moods {
  private Moods() {}

  public static final List<Mood> ALL = List.of(
      new Mood("chill", "Chill", "Slow, soft and easy: for winding down",
          new FeatureRange(55, 100), new FeatureRange(0.0, 0.40), new FeatureRange(0.25, 0.75)),
      new Mood("energetic", "Energetic", "Fast and loud: for workouts and getting things done",
          new FeatureRange(112, 180), new FeatureRange(0.68, 1.0), new FeatureRange(0.0, 1.0)),
      new Mood("feel-good", "Feel good", "Bright, warm and upbeat",
          new FeatureRange(60, 135), new FeatureRange(0.40, 0.85), new FeatureRange(0.68, 1.0)),
      new Mood("melancholy", "Melancholy", "Low-key and wistful",
          new FeatureRange(55, 115), new FeatureRange(0.0, 0.60), new FeatureRange(0.0, 0.40)),
      new Mood("focus", "Focus", "Steady, mid-tempo and unobtrusive: for reading or work",
          new FeatureRange(75, 125), new FeatureRange(0.20, 0.55), new FeatureRange(0.40, 0.68)));

  public static Optional<Mood> byId(String id) {
    return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
