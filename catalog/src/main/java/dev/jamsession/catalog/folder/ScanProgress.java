package dev.jamsession.catalog.folder;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Console progress of a scan, at most every couple of seconds, from whichever thread is due. */
final class ScanProgress {

  private static final Logger LOG = LoggerFactory.getLogger(MusicFolder.class);
  private static final long EVERY_NANOS = 2_000_000_000L;

  private final int total;
  private final long started;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong lastReport;

  /** @param started when the scan began (System.nanoTime), walking the folder included */
  ScanProgress(int total, long started) {
    this.total = total;
    this.started = started;
    this.lastReport = new AtomicLong(started);
  }

  void fileDone() {
    int n = done.incrementAndGet();
    long now = System.nanoTime();
    long last = lastReport.get();
    if (now - last >= EVERY_NANOS && n < total && lastReport.compareAndSet(last, now)) {
      LOG.info("Scanning music: {}/{} files ({}%), {} files/s", n, total, n * 100L / total,
          rate(n, now));
    }
  }

  long elapsedMillis() {
    return (System.nanoTime() - started) / 1_000_000;
  }

  long rate(int files, long now) {
    long nanos = Math.max(1, now - started);
    return files * 1_000_000_000L / nanos;
  }

  long rate() {
    return rate(done.get(), System.nanoTime());
  }
}
