package dev.jamsession.recommender.engine;

/**
 * Songs to score for one request, with what scoring reads of each copied side by side: the
 * room's genre and artist slot (-1 for none), the mood region and the feature point.
 */
final class Candidates {
  final int[] songs;
  final int[] genre;
  final int[] artist;
  final int[] region;
  final boolean[] hasPoint;
  final float[] points;

  Candidates(RoomModel room, int[] songs) {
    CatalogIndex index = room.index();
    int n = songs.length;
    this.songs = songs;
    genre = new int[n];
    artist = new int[n];
    region = new int[n];
    hasPoint = new boolean[n];
    points = new float[n * FeatureSpace.DIMS];
    float[] all = index.points();
    for (int i = 0; i < n; i++) {
      int song = songs[i];
      genre[i] = room.genreSlot(song);
      artist[i] = room.artistSlot(song);
      region[i] = index.regionOf(song);
      hasPoint[i] = index.hasFeatures(song);
      System.arraycopy(all, song * FeatureSpace.DIMS, points, i * FeatureSpace.DIMS,
          FeatureSpace.DIMS);
    }
  }

  int size() {
    return songs.length;
  }
}
