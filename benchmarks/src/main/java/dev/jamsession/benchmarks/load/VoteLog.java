package dev.jamsession.benchmarks.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The open-loop schedule and what became of each vote. Vote {@code k} is due at
 * {@code t0 + k / rate} and is sent by voting member {@code k mod M}, so every member votes at
 * rate / M per second, evenly spread. Each slot of the arrays is written by one event loop only
 * (the voter's), and read after the run.
 */
final class VoteLog {
  static final byte NOT_SENT = 0;
  static final byte SENT = 1;
  static final byte OK = 2;
  static final byte OK_WITHOUT_REV = 3;
  static final byte RATE_LIMITED = 4;
  static final byte ERROR = 5;
  static final byte CLOSED = 6;

  final int total;
  final long t0;
  private final double nanosPerVote;
  final long[] sentAt;
  final long[] rev;
  final byte[] status;
  final int[] jamOf;
  final AtomicLong sent = new AtomicLong();
  final AtomicLong replied = new AtomicLong();
  /** Per voting jam, the greatest rev of a successful vote's reply. */
  final AtomicLongArray ackedRev;

  VoteLog(int total, long t0, double rate, int votingJams) {
    this.total = total;
    this.t0 = t0;
    this.nanosPerVote = 1e9 / rate;
    this.sentAt = new long[total];
    this.rev = new long[total];
    this.status = new byte[total];
    this.jamOf = new int[total];
    this.ackedRev = new AtomicLongArray(votingJams);
    for (int j = 0; j < votingJams; j++) {
      ackedRev.set(j, -1);
    }
  }

  long due(long k) {
    return t0 + (long) (k * nanosPerVote);
  }

  long end() {
    return due(total);
  }

  void sent(int k, int jam, long nanos) {
    jamOf[k] = jam;
    sentAt[k] = nanos;
    status[k] = SENT;
    sent.incrementAndGet();
  }

  void replied(int k, Frame reply) {
    if (status[k] != SENT) {
      return; // a duplicate, or a reply to a vote of another run
    }
    if (reply.success) {
      rev[k] = reply.dataRev;
      status[k] = reply.dataRev >= 0 ? OK : OK_WITHOUT_REV;
      if (reply.dataRev >= 0) {
        ackedRev.accumulateAndGet(jamOf[k], reply.dataRev, Math::max);
      }
    } else {
      status[k] = "RATE_LIMITED".equals(reply.code) ? RATE_LIMITED : ERROR;
    }
    replied.incrementAndGet();
  }
}
