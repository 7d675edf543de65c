package dev.jamsession.benchmarks;

import dev.jamsession.catalog.demo.DemoLibrary;
import dev.jamsession.catalog.demo.synth.SongRenderer;
import dev.jamsession.core.catalog.Song;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/** CPU time to synthesise demo songs, spread over the library (so over every genre). */
final class RenderBenchmark {

  private RenderBenchmark() {}

  static void run(int count) {
    List<Song> songs = DemoLibrary.songs();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    SongRenderer.render(songs.get(0)); // JIT warm-up
    Percentiles cpu = new Percentiles();
    double audioSeconds = 0;
    for (int i = 0; i < count; i++) {
      Song song = songs.get(i * songs.size() / count);
      long t0 = threads.getCurrentThreadCpuTime();
      SongRenderer.render(song);
      cpu.add(threads.getCurrentThreadCpuTime() - t0);
      audioSeconds += song.durationMs() / 1000.0;
    }
    System.out.printf("Rendering %d demo songs (%.0f s of audio), CPU time per song:%n  %s%n",
        count, audioSeconds, cpu.summary());
  }
}
