package dev.jamsession.catalog.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inverted index: each distinct token with the songs (and fields) it occurs in. Lookups
 * go through the sorted vocabulary, so prefix matches are one binary search and a short scan;
 * infix matches go through a trigram index of the vocabulary instead of scanning it.
 */
final class TokenIndex {

  static final int EXACT = 100;
  static final int PREFIX = 60;
  static final int SUBSTRING = 20;
  /** Shorter infixes match nearly everything, which helps nobody. */
  private static final int MIN_SUBSTRING = 3;

  private final String[] vocabulary;
  private final int[][] songs;
  private final byte[][] fields;
  private final Map<String, int[]> trigrams;

  private TokenIndex(String[] vocabulary, int[][] songs, byte[][] fields,
                     Map<String, int[]> trigrams) {
    this.vocabulary = vocabulary;
    this.songs = songs;
    this.fields = fields;
    this.trigrams = trigrams;
  }

  /**
   * Every prefix (of any length, whole tokens included) whose tokens together have at least
   * {@code minPostings} postings, most expensive first: the queries worth answering in advance.
   */
  List<String> heavyPrefixes(long minPostings) {
    List<String> heavy = new ArrayList<>();
    List<Long> costs = new ArrayList<>();
    for (int length = 1; ; length++) {
      boolean any = false;
      int i = 0;
      while (i < vocabulary.length) {
        if (vocabulary[i].length() < length) {
          i++;
          continue;
        }
        String prefix = vocabulary[i].substring(0, length);
        long cost = 0;
        int j = i;
        while (j < vocabulary.length && vocabulary[j].startsWith(prefix)) {
          cost += songs[j].length;
          j++;
        }
        if (cost >= minPostings) {
          heavy.add(prefix);
          costs.add(cost);
          any = true;
        }
        i = j;
      }
      if (!any) {
        break;
      }
    }
    Integer[] order = new Integer[heavy.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(costs.get(b), costs.get(a)));
    List<String> sorted = new ArrayList<>(order.length);
    for (int i : order) {
      sorted.add(heavy.get(i));
    }
    return sorted;
  }

  int[] songs(int token) {
    return songs[token];
  }

  byte[] fields(int token) {
    return fields[token];
  }

  int size() {
    return vocabulary.length;
  }

  /** The vocabulary tokens that {@code query} matches, each with how well (EXACT, PREFIX, ...). */
  Matches lookup(String query) {
    Matches matches = new Matches();
    int i = lowerBound(query);
    while (i < vocabulary.length && vocabulary[i].startsWith(query)) {
      matches.add(i, vocabulary[i].length() == query.length() ? EXACT : PREFIX, songs[i].length);
      i++;
    }
    if (query.length() >= MIN_SUBSTRING) {
      addInfixMatches(query, matches);
    }
    return matches;
  }

  private void addInfixMatches(String query, Matches matches) {
    int[] rarest = null;
    for (int i = 0; i + 3 <= query.length(); i++) {
      int[] list = trigrams.get(query.substring(i, i + 3));
      if (list == null) {
        return;
      }
      if (rarest == null || list.length < rarest.length) {
        rarest = list;
      }
    }
    for (int token : rarest) {
      String word = vocabulary[token];
      if (!word.startsWith(query) && word.contains(query)) {
        matches.add(token, SUBSTRING, songs[token].length);
      }
    }
  }

  private int lowerBound(String key) {
    int lo = 0;
    int hi = vocabulary.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (vocabulary[mid].compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Matched token ids with their kind scores, plus the postings they cost to walk. */
  static final class Matches {
    int count;
    int[] tokens = new int[8];
    int[] kinds = new int[8];
    long cost;

    void add(int token, int kind, int postings) {
      if (count == tokens.length) {
        tokens = Arrays.copyOf(tokens, count * 2);
        kinds = Arrays.copyOf(kinds, count * 2);
      }
      tokens[count] = token;
      kinds[count] = kind;
      count++;
      cost += postings;
    }
  }

  /** Collects (token, song, field) occurrences; songs must be added in ascending order. */
  static final class Builder {
    private final Map<String, Postings> postings = new HashMap<>();

    /** A field's tokens for one song; songs must come in ascending order. */
    void add(int song, List<String> tokens, int field) {
      for (String token : tokens) {
        postings.computeIfAbsent(token, t -> new Postings()).add(song, field);
      }
    }

    TokenIndex build() {
      String[] vocabulary = postings.keySet().toArray(new String[0]);
      Arrays.sort(vocabulary);
      int[][] songs = new int[vocabulary.length][];
      byte[][] fields = new byte[vocabulary.length][];
      Map<String, List<Integer>> grams = new HashMap<>();
      for (int t = 0; t < vocabulary.length; t++) {
        Postings p = postings.get(vocabulary[t]);
        songs[t] = Arrays.copyOf(p.songs, p.size);
        fields[t] = Arrays.copyOf(p.fields, p.size);
        addTrigrams(vocabulary[t], t, grams);
      }
      Map<String, int[]> trigrams = new HashMap<>(grams.size() * 2);
      grams.forEach((gram, ids) -> trigrams.put(gram, ids.stream().mapToInt(x -> x).toArray()));
      return new TokenIndex(vocabulary, songs, fields, trigrams);
    }

    private static void addTrigrams(String word, int token, Map<String, List<Integer>> grams) {
      // A token of length 3 can only contain a 3-letter query as itself: found by prefix.
      if (word.length() <= MIN_SUBSTRING) {
        return;
      }
      for (int i = 0; i + 3 <= word.length(); i++) {
        List<Integer> ids = grams.computeIfAbsent(word.substring(i, i + 3), g -> new ArrayList<>());
        if (ids.isEmpty() || ids.get(ids.size() - 1) != token) {
          ids.add(token);
        }
      }
    }
  }

  private static final class Postings {
    int size;
    int[] songs = new int[4];
    byte[] fields = new byte[4];

    void add(int song, int field) {
      if (size > 0 && songs[size - 1] == song) {
        fields[size - 1] |= (byte) field;
        return;
      }
      if (size == songs.length) {
        songs = Arrays.copyOf(songs, size * 2);
        fields = Arrays.copyOf(fields, size * 2);
      }
      songs[size] = song;
      fields[size] = (byte) field;
      size++;
    }
  }
}
