package dev.jamsession.recommender.engine;

import java.util.Arrays;

/**
 * The candidates the final selection chooses among: each member's own best songs and the songs
 * the room as a whole scores best, with every member's score of each. Keeping every member's
 * favourites here is what lets a quiet member's taste reach the top results.
 */
final class Shortlist {
  private static final int EXTRA_PER_MEMBER = 5;
  private static final int ROOM_FACTOR = 3;
  /** Scale of the seeded randomness next to member scores, which run from about -3 to 4. */
  static final double NOISE = 0.3;

  final int[] songs;
  /** scores[i][m]: member m's score of songs[i]. */
  final double[][] scores;

  private Shortlist(int[] songs, double[][] scores) {
    this.songs = songs;
    this.scores = scores;
  }

  static Shortlist of(RoomModel room, int[] candidates, int limit, long seed) {
    int members = room.members();
    TopK[] perMember = new TopK[members];
    for (int m = 0; m < members; m++) {
      perMember[m] = new TopK(limit + EXTRA_PER_MEMBER);
    }
    Candidates pool = room.candidates(candidates);
    int n = candidates.length;
    double[] noise = new double[n];
    for (int i = 0; i < n; i++) {
      noise[i] = NOISE * Noise.unit(seed, candidates[i]);
    }
    double[] scores = new double[n];
    double[] sum = new double[n];
    for (int m = 0; m < members; m++) {
      room.score(m, pool, scores);
      TopK top = perMember[m];
      for (int i = 0; i < n; i++) {
        top.offer(candidates[i], scores[i] + noise[i]);
        sum[i] += scores[i];
      }
    }
    TopK wholeRoom = new TopK(limit * ROOM_FACTOR);
    for (int i = 0; i < n; i++) {
      wholeRoom.offer(candidates[i], sum[i] / members + noise[i]);
    }
    int[] songs = distinct(perMember, wholeRoom);
    Candidates chosen = room.candidates(songs);
    double[][] rows = new double[songs.length][members];
    double[] column = new double[songs.length];
    for (int m = 0; m < members; m++) {
      room.score(m, chosen, column);
      for (int i = 0; i < songs.length; i++) {
        rows[i][m] = column[i];
      }
    }
    return new Shortlist(songs, rows);
  }

  private static int[] distinct(TopK[] perMember, TopK wholeRoom) {
    int total = wholeRoom.size();
    for (TopK top : perMember) {
      total += top.size();
    }
    int[] all = new int[total];
    int n = 0;
    for (TopK top : perMember) {
      n = copy(top, all, n);
    }
    copy(wholeRoom, all, n);
    return Arrays.stream(all).sorted().distinct().toArray();
  }

  private static int copy(TopK top, int[] into, int at) {
    for (int r = 0; r < top.size(); r++) {
      into[at++] = top.song(r);
    }
    return at;
  }
}
