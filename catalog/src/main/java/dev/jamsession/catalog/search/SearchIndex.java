package dev.jamsession.catalog.search;

import dev.jamsession.catalog.SearchQuery;
import dev.jamsession.catalog.SearchResult;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Search over title, artist, album and genre, built once and read by any number of threads.
 *
 * <p>Every query word must match a word of the song, as a whole word, a prefix or (from three
 * letters) an infix; {@link Scorer} ranks the matches. Equal scores go to the more popular
 * song, then to the catalog order (artist, album, title), which is also the order of a search
 * without words.
 */
public final class SearchIndex {

  /**
   * Single-word queries whose tokens have at least this many postings (type-ahead's first
   * letters, the commonest words) are ranked in advance: scoring them costs milliseconds.
   */
  static final int HEAVY_POSTINGS = 10_000;
  /** Memory for those ranked lists, in song references per song of the catalog. */
  private static final int HEAVY_BUDGET_PER_SONG = 16;
  /** Bounds the work a pasted paragraph can cause. */
  private static final int MAX_QUERY_WORDS = 8;

  private final Song[] songs;
  private final List<Song> ordered;
  private final TokenIndex tokens;
  private final FieldFilter genres;
  private final FieldFilter artists;
  private final Scorer scorer;
  private final Map<String, int[]> ranked;

  public SearchIndex(Collection<Song> catalog) {
    this(catalog, HEAVY_POSTINGS);
  }

  /** {@code heavyPostings}: from how many postings a single word is ranked in advance. */
  SearchIndex(Collection<Song> catalog, int heavyPostings) {
    FoldedSong[] folded = FoldedSong.inCatalogOrder(catalog);
    songs = new Song[folded.length];
    String[] titleKeys = new String[songs.length];
    String[] artistKeys = new String[songs.length];
    String[] genreKeys = new String[songs.length];
    TokenIndex.Builder builder = new TokenIndex.Builder();
    for (int s = 0; s < songs.length; s++) {
      FoldedSong f = folded[s];
      songs[s] = f.song;
      titleKeys[s] = f.title.key;
      artistKeys[s] = f.artist.key;
      genreKeys[s] = f.genre.key;
      builder.add(s, f.title.tokens, Scorer.TITLE);
      builder.add(s, f.artist.tokens, Scorer.ARTIST);
      builder.add(s, f.album.tokens, Scorer.ALBUM);
      builder.add(s, f.genre.tokens, Scorer.GENRE);
    }
    ordered = List.of(songs);
    tokens = builder.build();
    genres = new FieldFilter(genreKeys);
    artists = new FieldFilter(artistKeys);
    scorer = new Scorer(tokens, genres, artists, titleKeys, artistKeys, tieRanks(songs));
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
    String phrase = TextFold.key(query.q());
    if (words.size() == 1 && ranked.containsKey(phrase)) {
      return page(ranked.get(phrase), genre, artist, offset, limit);
    }
    return rank(words, phrase, genre, artist, offset, limit);
  }

  /** How many single words are answered from ranked lists (for tests). */
  int rankedWords() {
    return ranked.size();
  }

  /** No query words: the filtered catalog in catalog order. */
  private SearchResult browse(int genre, int artist, int offset, int limit) {
    if (genre == FieldFilter.ANY && artist == FieldFilter.ANY) {
      int to = (int) Math.min(songs.length, (long) offset + limit);
      return new SearchResult(songs.length, offset >= to ? List.of() : ordered.subList(offset, to));
    }
    int[] base = genre == FieldFilter.ANY ? artists.songs(artist)
        : artist == FieldFilter.ANY ? genres.songs(genre)
        : shorter(genres.songs(genre), artists.songs(artist));
    return page(base, genre, artist, offset, limit);
  }

  private SearchResult rank(List<String> words, String phrase, int genre, int artist,
                            int offset, int limit) {
    List<Song> page = new ArrayList<>();
    int[] total = new int[1];
    scorer.score(words, phrase, genre, artist, (keys, n) -> {
      long[] top = TopK.greatest(keys, n, offset + limit);
      for (int i = offset; i < top.length; i++) {
        page.add(songs[scorer.songOf(top[i])]);
      }
      total[0] = n;
    });
    return new SearchResult(total[0], page);
  }

  /** A page of a list of songs (ranked, or in catalog order), filtered on the way. */
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

  /** Ranked lists for the heaviest single words, heaviest first, within a memory budget. */
  private Map<String, int[]> rankHeavyWords(int heavyPostings) {
    Map<String, int[]> lists = new HashMap<>();
    long[] budget = {(long) HEAVY_BUDGET_PER_SONG * songs.length};
    for (String word : tokens.heavyPrefixes(heavyPostings)) {
      scorer.score(List.of(word), word, FieldFilter.ANY, FieldFilter.ANY, (keys, n) -> {
        if (n > budget[0]) {
          return;
        }
        long[] sorted = Arrays.copyOf(keys, n);
        Arrays.sort(sorted);
        int[] list = new int[n];
        for (int i = 0; i < n; i++) {
          list[i] = scorer.songOf(sorted[n - 1 - i]);
        }
        lists.put(word, list);
        budget[0] -= n;
      });
    }
    return Map.copyOf(lists);
  }

  private static List<String> queryWords(String q) {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    List<String> words = new ArrayList<>(new LinkedHashSet<>(TextFold.tokens(q)));
    return words.size() > MAX_QUERY_WORDS ? words.subList(0, MAX_QUERY_WORDS) : words;
  }

  private static int[] shorter(int[] a, int[] b) {
    return a.length <= b.length ? a : b;
  }

  /** Each song's place by popularity (most popular first), catalog order among equals. */
  private static int[] tieRanks(Song[] songs) {
    // One primitive sort: (inverted popularity, index) packed into a long.
    long[] keys = new long[songs.length];
    for (int i = 0; i < songs.length; i++) {
      double p = songs[i].popularity();
      p = Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
      long inverted = (1L << 30) - Math.round(p * (1L << 30));
      keys[i] = inverted << 32 | i;
    }
    Arrays.sort(keys);
    int[] rank = new int[songs.length];
    for (int r = 0; r < keys.length; r++) {
      rank[(int) keys[r]] = r;
    }
    return rank;
  }
}
