package dev.jamsession.catalog.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Finds the songs matching every query word and scores them. Per word a song scores its best
 * match: the kind of match (whole word, prefix, infix) dominates, the field (title, artist,
 * album, genre) breaks ties; a query equal to a whole title or artist earns a bonus.
 */
final class Scorer {

  static final int TITLE = 1;
  static final int ARTIST = 2;
  static final int ALBUM = 4;
  static final int GENRE = 8;
  private static final int[] FIELD_WEIGHT = fieldWeights();
  private static final int WHOLE_FIELD_BONUS = 50;

  private final TokenIndex tokens;
  private final FieldFilter genres;
  private final FieldFilter artists;
  private final String[] titleKeys;
  private final String[] artistKeys;
  private final int[] tieRank;
  private final int[] songAtTieRank;
  /** Work arrays, borrowed per query: as many as concurrent searches, not as threads. */
  private final Queue<Scratch> pool = new ConcurrentLinkedQueue<>();

  /** @param tieRank each song's place among equal scores (popularity, then catalog order) */
  Scorer(TokenIndex tokens, FieldFilter genres, FieldFilter artists, String[] titleKeys,
         String[] artistKeys, int[] tieRank) {
    this.tokens = tokens;
    this.genres = genres;
    this.artists = artists;
    this.titleKeys = titleKeys;
    this.artistKeys = artistKeys;
    this.tieRank = tieRank;
    this.songAtTieRank = new int[tieRank.length];
    for (int s = 0; s < tieRank.length; s++) {
      songAtTieRank[tieRank[s]] = s;
    }
  }

  /** Sort keys of the matching songs, best last when sorted ascending; see {@link #songOf}. */
  interface Keys {
    void accept(long[] keys, int count);
  }

  /** Scores the songs matching every word and hands their keys over, unsorted. */
  void score(List<String> words, String phrase, int genre, int artist, Keys consumer) {
    Scratch s = pool.poll();
    if (s == null) {
      s = new Scratch(tieRank.length);
    }
    try {
      consumer.accept(s.keys, collect(words, phrase, genre, artist, s));
    } finally {
      s.reset();
      pool.offer(s);
    }
  }

  /** The song (index in catalog order) a key stands for. */
  int songOf(long key) {
    return songAtTieRank[Integer.MAX_VALUE - (int) key];
  }

  private int collect(List<String> words, String phrase, int genre, int artist, Scratch s) {
    TokenIndex.Matches[] matches = new TokenIndex.Matches[words.size()];
    for (int i = 0; i < matches.length; i++) {
      matches[i] = tokens.lookup(words.get(i));
      if (matches[i].count == 0) {
        return 0;
      }
    }
    // The most selective word first: later words only narrow its candidates.
    Arrays.sort(matches, Comparator.comparingLong(m -> m.cost));
    collectFirst(s, matches[0], genre, artist);
    for (int round = 1; round < matches.length; round++) {
      narrow(s, matches[round], round);
    }
    int n = 0;
    for (int i = 0; i < s.candidateCount; i++) {
      int song = s.candidates[i];
      if (s.round[song] == matches.length) {
        int score = s.total[song] + wholeFieldBonus(song, phrase);
        s.keys[n++] = ((long) score << 32) | (Integer.MAX_VALUE - tieRank[song]);
      }
    }
    return n;
  }

  private void collectFirst(Scratch s, TokenIndex.Matches first, int genre, int artist) {
    for (int m = 0; m < first.count; m++) {
      int[] postings = tokens.songs(first.tokens[m]);
      byte[] fields = tokens.fields(first.tokens[m]);
      for (int p = 0; p < postings.length; p++) {
        int song = postings[p];
        if (!genres.accepts(song, genre) || !artists.accepts(song, artist)) {
          continue;
        }
        int score = first.kinds[m] + FIELD_WEIGHT[fields[p]];
        if (s.round[song] == 0) {
          s.round[song] = 1;
          s.total[song] = score;
          s.candidates[s.candidateCount++] = song;
        } else if (score > s.total[song]) {
          s.total[song] = score;
        }
      }
    }
  }

  /** Keeps the candidates that also match this word, adding their best match for it. */
  private void narrow(Scratch s, TokenIndex.Matches word, int round) {
    for (int m = 0; m < word.count; m++) {
      int[] postings = tokens.songs(word.tokens[m]);
      byte[] fields = tokens.fields(word.tokens[m]);
      for (int p = 0; p < postings.length; p++) {
        int song = postings[p];
        int seen = s.round[song];
        if (seen < round) {
          continue;
        }
        int score = word.kinds[m] + FIELD_WEIGHT[fields[p]];
        if (seen == round) {
          s.round[song] = round + 1;
          s.best[song] = score;
        } else if (score > s.best[song]) {
          s.best[song] = score;
        }
      }
    }
    for (int i = 0; i < s.candidateCount; i++) {
      int song = s.candidates[i];
      if (s.round[song] == round + 1) {
        s.total[song] += s.best[song];
      }
    }
  }

  private int wholeFieldBonus(int song, String phrase) {
    return titleKeys[song].equals(phrase) || artistKeys[song].equals(phrase)
        ? WHOLE_FIELD_BONUS : 0;
  }

  /** Weight of a posting's field set: its most important field counts. */
  private static int[] fieldWeights() {
    int[] weights = new int[16];
    for (int mask = 1; mask < 16; mask++) {
      weights[mask] = (mask & TITLE) != 0 ? 9 : (mask & ARTIST) != 0 ? 8
          : (mask & ALBUM) != 0 ? 4 : 2;
    }
    return weights;
  }

  /** Work arrays, so a query allocates almost nothing; reset after each use. */
  private static final class Scratch {
    final int[] round;
    final int[] total;
    final int[] best;
    final int[] candidates;
    final long[] keys;
    int candidateCount;

    Scratch(int size) {
      round = new int[size];
      total = new int[size];
      best = new int[size];
      candidates = new int[size];
      keys = new long[size];
    }

    void reset() {
      for (int i = 0; i < candidateCount; i++) {
        round[candidates[i]] = 0;
      }
      candidateCount = 0;
    }
  }
}
