package dev.jamsession.benchmarks;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.Catalogs;
import dev.jamsession.catalog.SearchQuery;
import dev.jamsession.core.catalog.Song;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Search latency on a large catalog: builds the index, warms the JIT up, then times each query
 * of a mix of the searches people make (type-ahead prefixes, common and rare words, artist
 * names without accents, word fragments, filters, deep pages, misses), one thread.
 */
final class SearchBenchmark {

  private SearchBenchmark() {}

  record Query(String kind, SearchQuery query) {}

  static void run(int size, int measured) {
    System.out.printf("Generating %,d songs...%n", size);
    SyntheticCatalog synthetic = new SyntheticCatalog(size, 42);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long started = System.nanoTime();
    long startedCpu = threads.getCurrentThreadCpuTime();
    Catalog catalog = Catalogs.of(synthetic.songs);
    long buildMs = (System.nanoTime() - started) / 1_000_000;
    long buildCpuMs = (threads.getCurrentThreadCpuTime() - startedCpu) / 1_000_000;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("Index built in %,d ms (%,d ms CPU); heap in use %,d MB; %d processors;"
            + " load average %.1f; %s%n", buildMs, buildCpuMs,
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

    List<Query> warmup = queries(synthetic, measured, new Random(1));
    List<Query> timed = queries(synthetic, measured, new Random(2));
    long sink = 0;
    for (int round = 0; round < 3; round++) {
      for (Query q : warmup) {
        sink += catalog.search(q.query()).total();
      }
    }
    Map<String, Percentiles> byKind = new LinkedHashMap<>();
    Percentiles all = new Percentiles();
    Percentiles allCpu = new Percentiles();
    Map<String, Percentiles> cpuByKind = new LinkedHashMap<>();
    long matches = 0;
    for (Query q : timed) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      int total = catalog.search(q.query()).total();
      long nanos = System.nanoTime() - t0;
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      matches += total;
      all.add(nanos);
      allCpu.add(cpu);
      byKind.computeIfAbsent(q.kind(), k -> new Percentiles()).add(nanos);
      cpuByKind.computeIfAbsent(q.kind(), k -> new Percentiles()).add(cpu);
    }
    System.out.printf("%nSearch latency over %,d songs (%,d queries, mean %,d matches), wall clock:%n",
        size, all.size(), matches / Math.max(1, all.size()));
    byKind.forEach((kind, p) -> System.out.printf("  %-22s %s%n", kind, p.summary()));
    System.out.printf("  %-22s %s%n", "ALL", all.summary());
    System.out.printf("%nThe same queries, CPU time of the searching thread (excludes time the"
        + " OS gave to other processes):%n");
    cpuByKind.forEach((kind, p) -> System.out.printf("  %-22s %s%n", kind, p.summary()));
    System.out.printf("  %-22s %s%n", "ALL", allCpu.summary());
    System.out.printf("%nLoad average now %.1f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (sink == 42) {
      System.out.println();
    }
  }

  /** A weighted mix of realistic searches, drawn from the catalog itself. */
  static List<Query> queries(SyntheticCatalog c, int count, Random rnd) {
    List<Query> queries = new ArrayList<>(count);
    List<Song> songs = c.songs;
    while (queries.size() < count) {
      Song song = songs.get(rnd.nextInt(songs.size()));
      String titleWord = firstWord(song.title());
      int kind = rnd.nextInt(100);
      if (kind < 15) {
        String prefix = plain(titleWord).substring(0, Math.min(plain(titleWord).length(), 1 + rnd.nextInt(3)));
        queries.add(q("prefix 1-3 letters", prefix, null, null, 50, 0));
      } else if (kind < 30) {
        queries.add(q("common word", c.vocabulary.get(rnd.nextInt(20)), null, null, 50, 0));
      } else if (kind < 45) {
        queries.add(q("title words", song.title(), null, null, 50, 0));
      } else if (kind < 55) {
        queries.add(q("artist, no accents", plain(song.artist()), null, null, 50, 0));
      } else if (kind < 65) {
        String w = plain(c.pickWord());
        String fragment = w.length() > 4 ? w.substring(1, Math.min(w.length(), 5)) : w;
        queries.add(q("word fragment", fragment, null, null, 50, 0));
      } else if (kind < 75) {
        queries.add(q("word + genre filter", titleWord, song.genre(), null, 50, 0));
      } else if (kind < 82) {
        queries.add(q("artist filter, no q", null, null, song.artist(), 50, 0));
      } else if (kind < 88) {
        queries.add(q("browse, deep page", null, null, null, 50, rnd.nextInt(1000) * 50));
      } else if (kind < 94) {
        queries.add(q("two words + paging", titleWord + " " + firstWord(song.album()), null, null,
            100, 100));
      } else {
        queries.add(q("no match", "qxzqx" + rnd.nextInt(100), null, null, 50, 0));
      }
    }
    return queries;
  }

  private static Query q(String kind, String text, String genre, String artist, int limit,
                         int offset) {
    return new Query(kind, new SearchQuery(text, genre, artist, limit, offset));
  }

  private static String firstWord(String s) {
    int space = s.indexOf(' ');
    return space < 0 ? s : s.substring(0, space);
  }

  /** What someone types who does not bother with accents or capitals. */
  private static String plain(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
