package dev.jamsession.recommender.engine;

/** At most two songs by one artist in any ten consecutive picks, so every top ten is varied. */
final class ArtistCap {
  private ArtistCap() {}

  static final int PER_WINDOW = 2;
  static final int WINDOW = 10;

  /** Whether {@code song} may follow the first {@code count} songs of {@code picked}. */
  static boolean allows(CatalogIndex index, int[] picked, int count, int song) {
    int artist = index.artistOf(song);
    int same = 0;
    for (int i = Math.max(0, count - WINDOW + 1); i < count; i++) {
      if (index.artistOf(picked[i]) == artist && ++same >= PER_WINDOW) {
        return false;
      }
    }
    return true;
  }
}
