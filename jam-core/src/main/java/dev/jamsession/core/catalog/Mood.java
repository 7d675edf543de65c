package dev.jamsession.core.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named region of the catalog's audio features (PROTOCOL §13): a song is in the mood when
 * its tempo, energy and valence all fall inside the mood's ranges.
 */
public record Mood(String id, String name, String description,
                   FeatureRange tempo, FeatureRange energy, FeatureRange valence) {

  /** Songs without audio features belong to no mood. */
  public boolean contains(Song song) {
    AudioFeatures f = song.features();
    return f != null && tempo.contains(f.tempo()) && energy.contains(f.energy())
        && valence.contains(f.valence());
  }

  /** How typical of the mood a song is: 0 at the region's centre, larger further out. */
  public double distance(Song song) {
    AudioFeatures f = song.features();
    if (f == null) {
      return Double.POSITIVE_INFINITY;
    }
    double t = tempo.offset(f.tempo());
    double e = energy.offset(f.energy());
    double v = valence.offset(f.valence());
    return Math.sqrt(t * t + e * e + v * v);
  }

  /** The public shape of §13: {id, name, description}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("description", description);
    return m;
  }
}
