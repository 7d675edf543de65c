package dev.jamsession.catalog.search;

import dev.jamsession.catalog.SearchQuery;
import dev.jamsession.catalog.SearchResult;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

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

  private static final Comparator<Song> CATALOG_ORDER =
      Comparator.comparing((Song s) -> TextFold.key(s.artist()))
          .thenComparing(s -> TextFold.key(s.album()))
          .thenComparing(s -> TextFold.key(s.title()))
          .thenComparing(Song::id);

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

  public SearchIndex(Collection<Song> catalog) {
    songs = catalog.toArray(new Song[0]);
    Arrays.sort(songs, CATALOG_ORDER);
    ordered = List.of(songs);
    titleKeys = new String[songs.length];
    artistKeys = new String[songs.length];
    TokenIndex.Builder builder = new TokenIndex.Builder();
    for (int s = 0; s < songs.length; s++) {
      titleKeys[s] = TextFold.key(songs[s].title());
      artistKeys[s] = TextFold.key(songs[s].artist());
      addField(builder, s, songs[s].title(), TITLE);
      addField(builder, s, songs[s].artist(), ARTIST);
      addField(builder, s, songs[s].album(), ALBUM);
      addField(builder, s, songs[s].genre(), GENRE);
    }
    tokens = builder.build();
    genres = new FieldFilter(songs, Song::genre);
    artists = new FieldFilter(songs, Song::artist);
    songAtTieRank = popularityOrder(songs);
    tieRank = new int[songs.length];
    for (int r = 0; r < songs.length; r++) {
      tieRank[songAtTieRank[r]] = r;
    }
    scratch = ThreadLocal.withInitial(() -> new Scratch(songs.length));
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
    TokenIndex.Matches[] matches = new TokenIndex.Matches[words.size()];
    for (int i = 0; i < matches.length; i++) {
      matches[i] = tokens.lookup(words.get(i));
      if (matches[i].count == 0) {
        return new SearchResult(0, List.of());
      }
    }
    // The most selective word first: later words only narrow its candidates.
    Arrays.sort(matches, Comparator.comparingLong(m -> m.cost));
    Scratch s = scratch.get();
    try {
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
      long[] top = TopK.greatest(s.keys, n, offset + limit);
      List<Song> page = new ArrayList<>();
      for (int i = offset; i < top.length; i++) {
        int rank = Integer.MAX_VALUE - (int) top[i];
        page.add(songs[songAtTieRank[rank]]);
      }
      return new SearchResult(n, page);
    } finally {
      s.reset();
    }
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

  private static void addField(TokenIndex.Builder builder, int song, String text, int field) {
    for (String token : TextFold.tokens(text)) {
      builder.add(token, song, field);
    }
  }

  /** Song indexes by popularity, most popular first, catalog order among equals. */
  private static int[] popularityOrder(Song[] songs) {
    Integer[] order = new Integer[songs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -songs[i].popularity())
        .thenComparingInt(i -> i));
    return Arrays.stream(order).mapToInt(x -> x).toArray();
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
