package dev.jamsession.benchmarks.load;

import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * One connection of the load: a participant of one jam. Everything but {@link #maxSeenRev} is
 * touched only on its driver's event loop until the run is over.
 */
final class Member {
  final LoadJam jam;
  /** Position in the jam; 0 is the host. */
  final int index;
  /** Which driver (event loop) owns this connection. */
  int driver;
  WebSocket ws;
  long joinNanos = -1;
  boolean closed;
  Promise<JsonObject> pending;
  final Promise<Void> subscribed = Promise.promise();
  /** The greatest rev of a queue-carrying event received so far (read by the drain check). */
  volatile long maxSeenRev = -1;
  private int requests;
  /** Voting members: the last value per queue item, so that every vote changes the jam. */
  byte[] lastValue;
  int votes;
  /** Arrivals of events that carry {@code queue}, in arrival order: rev and nanoTime. */
  private long[] revs = new long[0];
  private long[] times = new long[0];
  private int arrivals;

  Member(LoadJam jam, int index) {
    this.jam = jam;
    this.index = index;
  }

  boolean isReady() {
    return joinNanos >= 0 && !closed;
  }

  String nextReplyAddress() {
    return "c" + requests++;
  }

  void arrived(long rev, long nanos) {
    if (rev > maxSeenRev) {
      maxSeenRev = rev;
    }
    if (!jam.voting) {
      return;
    }
    if (arrivals == revs.length) {
      int size = Math.max(64, arrivals * 2);
      revs = Arrays.copyOf(revs, size);
      times = Arrays.copyOf(times, size);
    }
    revs[arrivals] = rev;
    times[arrivals++] = nanos;
  }

  /** After the run: each arrival's rev becomes the greatest rev received until then. */
  void finish() {
    for (int i = 1; i < arrivals; i++) {
      revs[i] = Math.max(revs[i], revs[i - 1]);
    }
  }

  /** After {@link #finish}: when this member first held the jam's queue at {@code rev} or later; -1 if never. */
  long firstAt(long rev) {
    int lo = 0;
    int hi = arrivals;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (revs[mid] >= rev) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo < arrivals ? times[lo] : -1;
  }
}
