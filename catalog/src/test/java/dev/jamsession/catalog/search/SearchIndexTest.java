package dev.jamsession.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.catalog.SearchQuery;
import dev.jamsession.catalog.SearchResult;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

  private static final List<Song> SONGS = List.of(
      song("a", "Love Story", "Ann Arbor", "First", "Pop", 0.5),
      song("b", "Lovely Day", "Bill Bay", "Second", "Soul", 0.5),
      song("c", "Glove Box", "Cat Cole", "Third", "Rock", 0.5),
      song("d", "Something", "Dan Dee", "Love Songs", "Pop", 0.5),
      song("f", "Hello", "Love Parade", "Fourth", "Electronic", 0.5),
      song("h", "Halo", "Beyoncé", "I Am", "Pop", 0.9),
      song("i", "Crazy", "BEYONCÉ", "Dangerously", "Pop", 0.4),
      song("j", "Don't Stop", "The Band", "Live", "Hip-Hop", 0.5),
      song("k", "Stop Now", "The Band Two", "Live", "hip hop", 0.5),
      song("l", "Café del Mar", "Energy 52", "Café", "Électronique", 0.5));

  private final SearchIndex index = new SearchIndex(SONGS);

  @Test
  void ignoresCaseAndAccents() {
    assertThat(ids(search("beyonce"))).containsExactlyInAnyOrder("h", "i");
    assertThat(ids(search("BEYONCÉ"))).containsExactlyInAnyOrder("h", "i");
    assertThat(ids(search("cafe"))).containsExactly("l");
    assertThat(ids(search("electronique"))).containsExactly("l");
  }

  @Test
  void ranksWholeWordsThenPrefixesThenInfixes_titleAndArtistFirst() {
    // whole word in title, artist, album; then prefix (Lovely); then infix (Glove)
    assertThat(ids(search("love"))).containsExactly("a", "f", "d", "b", "c");
  }

  @Test
  void aQueryEqualToATitleComesFirst() {
    assertThat(ids(search("glove box"))).first().isEqualTo("c");
    assertThat(ids(search("love story"))).containsExactly("a");
  }

  @Test
  void everyWordMustMatch() {
    assertThat(ids(search("love day"))).containsExactly("b");
    assertThat(ids(search("love zebra"))).isEmpty();
  }

  @Test
  void equalScoresGoToTheMorePopularSong() {
    assertThat(ids(search("beyonce"))).containsExactly("h", "i");
  }

  @Test
  void apostrophesDoNotSplitWords() {
    assertThat(ids(search("dont"))).containsExactly("j");
    assertThat(ids(search("don't stop"))).first().isEqualTo("j");
  }

  @Test
  void shortInfixesDoNotMatch() {
    // "ov" is inside "love" but two letters are too few for an infix match.
    assertThat(ids(search("ov"))).isEmpty();
    assertThat(ids(search("lo"))).contains("a", "b", "f", "d");
  }

  @Test
  void genreAndArtistAreExactCaseAndAccentInsensitiveFilters() {
    assertThat(ids(index.search(new SearchQuery(null, "HIP-HOP", null, 50, 0))))
        .containsExactlyInAnyOrder("j", "k");
    assertThat(ids(index.search(new SearchQuery(null, null, "the band", 50, 0))))
        .containsExactly("j");
    assertThat(ids(index.search(new SearchQuery(null, null, "beyonce", 50, 0))))
        .containsExactlyInAnyOrder("h", "i");
    assertThat(ids(index.search(new SearchQuery("stop", "hip hop", "The Band Two", 50, 0))))
        .containsExactly("k");
    assertThat(index.search(new SearchQuery(null, "Polka", null, 50, 0)).total()).isZero();
  }

  @Test
  void emptyQueryListsTheFilteredCatalogByArtistAlbumTitle() {
    SearchResult all = index.search(new SearchQuery("  ", null, null, 50, 0));
    assertThat(all.total()).isEqualTo(SONGS.size());
    assertThat(ids(all)).containsExactly("a", "i", "h", "b", "c", "d", "l", "f", "j", "k");
    assertThat(ids(index.search(new SearchQuery(null, "pop", null, 50, 0))))
        .containsExactly("a", "i", "h", "d");
  }

  @Test
  void pagesWithTotal() {
    SearchResult page = index.search(new SearchQuery("love", null, null, 2, 1));
    assertThat(page.total()).isEqualTo(5);
    assertThat(ids(page)).containsExactly("f", "d");
    SearchResult beyond = index.search(new SearchQuery("love", null, null, 2, 10));
    assertThat(beyond.total()).isEqualTo(5);
    assertThat(beyond.songs()).isEmpty();
    SearchResult browse = index.search(new SearchQuery(null, null, null, 3, 8));
    assertThat(browse.total()).isEqualTo(10);
    assertThat(ids(browse)).containsExactly("j", "k");
  }

  @Test
  void clampsLimitsDefensively() {
    assertThat(index.search(new SearchQuery(null, null, null, 0, -5)).songs()).hasSize(10);
    List<Song> many = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      many.add(song("s" + i, "Song " + i, "Artist", "Album", "Pop", 0.5));
    }
    SearchIndex big = new SearchIndex(many);
    assertThat(big.search(new SearchQuery("song", null, null, 10_000, 0)).songs()).hasSize(500);
    assertThat(big.search(new SearchQuery(null, null, null, 0, 0)).songs())
        .hasSize(SearchQuery.DEFAULT_LIMIT);
  }

  /** The index must find exactly what a scan of every song would, on a random catalog. */
  @Test
  void findsWhatAFullScanFinds() {
    Random rnd = new Random(7);
    String[] words = {"love", "lovely", "glove", "night", "knight", "nightfall", "blue", "blues",
        "rain", "train", "brain", "rainbow", "é", "café", "cafe", "star", "start", "mustard"};
    List<Song> songs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      songs.add(song("r" + i, phrase(rnd, words), phrase(rnd, words), phrase(rnd, words),
          words[rnd.nextInt(words.length)], rnd.nextDouble()));
    }
    SearchIndex random = new SearchIndex(songs);
    String[] queries = {"love", "lov", "ove", "night", "ight", "rain", "ain", "caf", "cafe",
        "star", "tar", "blue rain", "l", "ni tr", "zzz", "lovely night", "afe"};
    for (String q : queries) {
      List<String> queryWords = TextFold.tokens(q);
      long expected = songs.stream().filter(s -> matchesAll(s, queryWords)).count();
      SearchResult result = random.search(new SearchQuery(q, null, null, 500, 0));
      assertThat(result.total()).as(q).isEqualTo((int) expected);
      assertThat(result.songs()).as(q).allMatch(s -> matchesAll(s, queryWords));
    }
  }

  /** Words ranked in advance give exactly the answers computed at query time. */
  @Test
  void rankedInAdvanceEqualsRankedOnDemand() {
    Random rnd = new Random(11);
    String[] words = {"love", "lovely", "glove", "night", "knight", "blue", "rain", "train",
        "café", "star", "start", "a", "ab", "abc"};
    String[] genres = {"Pop", "Rock", "Jazz"};
    List<Song> songs = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      songs.add(song("r" + i, phrase(rnd, words), "Artist " + rnd.nextInt(40), phrase(rnd, words),
          genres[rnd.nextInt(genres.length)], Math.round(rnd.nextDouble() * 10) / 10.0));
    }
    SearchIndex onDemand = new SearchIndex(songs, Integer.MAX_VALUE);
    SearchIndex inAdvance = new SearchIndex(songs, 1);
    assertThat(onDemand.rankedWords()).isZero();
    assertThat(inAdvance.rankedWords()).isGreaterThan(10);
    for (String q : new String[] {"l", "lo", "love", "lovely", "a", "ab", "cafe", "st", "rain"}) {
      for (String genre : new String[] {null, "rock"}) {
        for (String artist : new String[] {null, "artist 7"}) {
          for (int offset : new int[] {0, 7, 400}) {
            SearchQuery query = new SearchQuery(q, genre, artist, 25, offset);
            assertThat(inAdvance.search(query)).as(query.toString()).isEqualTo(onDemand.search(query));
          }
        }
      }
    }
  }

  @Test
  void concurrentSearchesGetTheSameAnswersAsOneAtATime() throws Exception {
    Random rnd = new Random(3);
    String[] words = {"love", "night", "rain", "star", "blue", "café"};
    List<Song> songs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      songs.add(song("r" + i, phrase(rnd, words), phrase(rnd, words), phrase(rnd, words), "Pop",
          rnd.nextDouble()));
    }
    SearchIndex shared = new SearchIndex(songs);
    List<SearchQuery> queries = new ArrayList<>();
    for (String q : new String[] {"lo", "love", "night rain", "ai", "tar", "cafe blue", "zz"}) {
      queries.add(new SearchQuery(q, null, null, 20, 0));
      queries.add(new SearchQuery(q, null, null, 20, 40));
    }
    List<SearchResult> expected = queries.stream().map(shared::search).collect(Collectors.toList());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          for (int round = 0; round < 50; round++) {
            for (int i = 0; i < queries.size(); i++) {
              if (!shared.search(queries.get(i)).equals(expected.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean matchesAll(Song s, List<String> queryWords) {
    List<String> tokens = new ArrayList<>();
    for (String field : new String[] {s.title(), s.artist(), s.album(), s.genre()}) {
      tokens.addAll(TextFold.tokens(field));
    }
    return queryWords.stream().allMatch(w -> tokens.stream()
        .anyMatch(t -> t.startsWith(w) || (w.length() >= 3 && t.contains(w))));
  }

  private static String phrase(Random rnd, String[] words) {
    return words[rnd.nextInt(words.length)] + " " + words[rnd.nextInt(words.length)];
  }

  private SearchResult search(String q) {
    return index.search(new SearchQuery(q, null, null, 50, 0));
  }

  private static List<String> ids(SearchResult result) {
    return result.songs().stream().map(Song::id).collect(Collectors.toList());
  }

  private static Song song(String id, String title, String artist, String album, String genre,
                           double popularity) {
    return new Song(id, title, artist, album, genre, 2000, 180_000, "/a/" + id, null, popularity);
  }
}
