package dev.jamsession.catalog.search;

import dev.jamsession.catalog.SearchQuery;
import dev.jamsession.catalog.SearchResult;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Search over title, artist, album and genre, built once and read by any number of threads.
 *
 * <p>Every query word must match a word of the song, as a whole word, a prefix or (from three
 * letters) an infix. A song's score adds, per query word, its best match: the kind of match
 * dominates (whole word before prefix before infix), the field breaks ties (title, then
 * artist, album, genre). A query equal to the whole title or artist earns a bonus. Equal
 * scores go to the more popular song, then to the catalog order (artist, album, title).
 */
public final class SearchIndex {

  static final int TITLE = 1;
  static final int ARTIST = 2;
  static final int ALBUM = 4;
  static final int GENRE = 8;
  private static final int[] FIELD_WEIGHT = fieldWeights();
  private static final int WHOLE_FIELD_BONUS = 50;
  /** Bounds the work a pasted paragraph can cause. */
  private static final int MAX_QUERY_WORDS = 8;

  /**
   * Single-word queries whose tokens have at least this many postings (type-ahead's first
   * letters, the commonest words) are ranked in advance: scoring them costs milliseconds.
   */
  static final int HEAVY_POSTINGS = 10_000;
  /** Memory for those ranked lists, in song references per song of the catalog. */
  private static final int HEAVY_BUDGET_PER_SONG = 16;

  private final Song[] songs;
  private final List<Song> ordered;
  private final TokenIndex tokens;
  private final FieldFilter genres;
  private final FieldFilter artists;
  private final String[] titleKeys;
  private final String[] artistKeys;
  private final int[] tieRank;
  private final int[] songAtTieRank;
  private final ThreadLocal<Scratch> scratch;
  private final Map<String, int[]> ranked;

  public SearchIndex(Collection<Song> catalog) {
    this(catalog, HEAVY_POSTINGS);
  }

  /** {@code heavyPostings}: from how many postings a single word is ranked in advance. */
  SearchIndex(Collection<Song> catalog, int heavyPostings) {
    Folded[] folded = catalogOrder(catalog);
    songs = new Song[folded.length];
    titleKeys = new String[songs.length];
    artistKeys = new String[songs.length];
    String[] genreKeys = new String[songs.length];
    TokenIndex.Builder builder = new TokenIndex.Builder();
    for (int s = 0; s < songs.length; s++) {
      Folded f = folded[s];
      songs[s] = f.song;
      titleKeys[s] = f.title.key;
      artistKeys[s] = f.artist.key;
      genreKeys[s] = f.genre.key;
      addField(builder, s, f.title, TITLE);
      addField(builder, s, f.artist, ARTIST);
      addField(builder, s, f.album, ALBUM);
      addField(builder, s, f.genre, GENRE);
    }
    ordered = List.of(songs);
    tokens = builder.build();
    genres = new FieldFilter(genreKeys);
    artists = new FieldFilter(artistKeys);
    songAtTieRank = popularityOrder(songs);
    tieRank = new int[songs.length];
    for (int r = 0; r < songs.length; r++) {
      tieRank[songAtTieRank[r]] = r;
    }
    scratch = ThreadLocal.withInitial(() -> new Scratch(songs.length));
    ranked = rankHeavyWords(heavyPostings);
  }

  /** Every song in catalog order: artist, album, title. */
  public List<Song> songs() {
    return ordered;
  }

  public SearchResult search(SearchQuery query) {
    int limit = query.limit() <= 0 ? SearchQuery.DEFAULT_LIMIT
        : Math.min(query.limit(), SearchQuery.MAX_LIMIT);
    int offset = Math.max(0, query.offset());
    int genre = genres.resolve(query.genre());
    int artist = artists.resolve(query.artist());
    if (genre == FieldFilter.NONE || artist == FieldFilter.NONE) {
      return new SearchResult(0, List.of());
    }
    List<String> words = queryWords(query.q());
    if (words.isEmpty()) {
      return browse(genre, artist, offset, limit);
    }
    return rank(words, TextFold.key(query.q()), genre, artist, offset, limit);
  }

  /** No query words: the filtered catalog in catalog order. */
  private SearchResult browse(int genre, int artist, int offset, int limit) {
    int[] base = null;
    if (genre != FieldFilter.ANY && artist != FieldFilter.ANY) {
      int[] g = genres.songs(genre);
      int[] a = artists.songs(artist);
      base = g.length <= a.length ? g : a;
    } else if (genre != FieldFilter.ANY) {
      base = genres.songs(genre);
    } else if (artist != FieldFilter.ANY) {
      base = artists.songs(artist);
    }
    List<Song> page = new ArrayList<>();
    int total = 0;
    int size = base == null ? songs.length : base.length;
    for (int i = 0; i < size; i++) {
      int s = base == null ? i : base[i];
      if (genres.accepts(s, genre) && artists.accepts(s, artist)) {
        if (total >= offset && page.size() < limit) {
          page.add(songs[s]);
        }
        total++;
      }
    }
    return new SearchResult(total, page);
  }

  private SearchResult rank(List<String> words, String phrase, int genre, int artist,
                            int offset, int limit) {
    if (words.size() == 1 && words.get(0).equals(phrase)) {
      int[] list = ranked.get(phrase);
      if (list != null) {
        return page(list, genre, artist, offset, limit);
      }
    }
    Scratch s = scratch.get();
    try {
      int n = score(words, phrase, genre, artist, s);
      long[] top = TopK.greatest(s.keys, n, offset + limit);
      List<Song> page = new ArrayList<>();
      for (int i = offset; i < top.length; i++) {
        page.add(songs[songOf(top[i])]);
      }
      return new SearchResult(n, page);
    } finally {
      s.reset();
    }
  }

  /** A page of a list ranked in advance, filtered on the way. */
  private SearchResult page(int[] list, int genre, int artist, int offset, int limit) {
    List<Song> page = new ArrayList<>();
    int total = 0;
    for (int song : list) {
      if (genres.accepts(song, genre) && artists.accepts(song, artist)) {
        if (total >= offset && page.size() < limit) {
          page.add(songs[song]);
        }
        total++;
      }
    }
    return new SearchResult(total, page);
  }

  /**
   * Scores the songs matching every word into {@code s.keys[0..n)}, returning n. A key sorts
   * by score, then popularity, then catalog order; {@link #songOf} recovers the song.
   */
  private int score(List<String> words, String phrase, int genre, int artist, Scratch s) {
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

  private int songOf(long key) {
    return songAtTieRank[Integer.MAX_VALUE - (int) key];
  }

  /** Ranked lists for the heaviest single words, within a memory budget. */
  private Map<String, int[]> rankHeavyWords(int heavyPostings) {
    Map<String, int[]> lists = new HashMap<>();
    long budget = (long) HEAVY_BUDGET_PER_SONG * songs.length;
    Scratch s = new Scratch(songs.length);
    for (String word : tokens.heavyPrefixes(heavyPostings)) {
      int n = score(List.of(word), word, FieldFilter.ANY, FieldFilter.ANY, s);
      if (n <= budget) {
        long[] keys = Arrays.copyOf(s.keys, n);
        Arrays.sort(keys);
        int[] list = new int[n];
        for (int i = 0; i < n; i++) {
          list[i] = songOf(keys[n - 1 - i]);
        }
        lists.put(word, list);
        budget -= n;
      }
      s.reset();
    }
    return Map.copyOf(lists);
  }

  /** How many single words are answered from ranked lists (for tests and logs). */
  int rankedWords() {
    return ranked.size();
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

  private static List<String> queryWords(String q) {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    List<String> words = new ArrayList<>(new LinkedHashSet<>(TextFold.tokens(q)));
    return words.size() > MAX_QUERY_WORDS ? words.subList(0, MAX_QUERY_WORDS) : words;
  }

  private static void addField(TokenIndex.Builder builder, int song, Field text, int field) {
    for (String token : text.tokens) {
      builder.add(token, song, field);
    }
  }

  /** Songs by artist, album, title (folded), then id; each field is folded once. */
  private static Folded[] catalogOrder(Collection<Song> catalog) {
    Folded[] folded = new Folded[catalog.size()];
    int i = 0;
    for (Song song : catalog) {
      folded[i++] = new Folded(song);
    }
    Arrays.sort(folded, (a, b) -> {
      int c = a.artist.key.compareTo(b.artist.key);
      c = c != 0 ? c : a.album.key.compareTo(b.album.key);
      c = c != 0 ? c : a.title.key.compareTo(b.title.key);
      return c != 0 ? c : a.song.id().compareTo(b.song.id());
    });
    return folded;
  }

  /** A field's words and its key (the words joined by spaces). */
  private static final class Field {
    final List<String> tokens;
    final String key;

    Field(String text) {
      tokens = TextFold.tokens(text);
      key = String.join(" ", tokens);
    }
  }

  /** A song with its fields folded for matching. */
  private static final class Folded {
    final Song song;
    final Field title;
    final Field artist;
    final Field album;
    final Field genre;

    Folded(Song song) {
      this.song = song;
      title = new Field(song.title());
      artist = new Field(song.artist());
      album = new Field(song.album());
      genre = new Field(song.genre());
    }
  }

  /** Song indexes by popularity, most popular first, catalog order among equals. */
  private static int[] popularityOrder(Song[] songs) {
    // One primitive sort: (inverted popularity, index) packed into a long.
    long[] keys = new long[songs.length];
    for (int i = 0; i < songs.length; i++) {
      double p = Math.max(0, Math.min(1, Double.isNaN(songs[i].popularity()) ? 0 : songs[i].popularity()));
      long inverted = (1L << 30) - Math.round(p * (1L << 30));
      keys[i] = inverted << 32 | i;
    }
    Arrays.sort(keys);
    int[] order = new int[songs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = (int) keys[i];
    }
    return order;
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

  /** Per-thread work arrays, so a query allocates almost nothing; reset after each use. */
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
