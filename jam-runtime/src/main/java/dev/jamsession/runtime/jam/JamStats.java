package dev.jamsession.runtime.jam;

import dev.jamsession.core.domain.Jam;

/** Cluster-wide totals for the status page (PROTOCOL §10 session.stats). */
public record JamStats(long jams, long participants, long connectedParticipants, long queuedSongs,
                       long playingJams) {
  public static final JamStats NONE = new JamStats(0, 0, 0, 0, 0);

  public static JamStats of(Jam jam) {
    return new JamStats(1, jam.participants().size(), jam.connectedCount(), jam.queue().size(),
        jam.current() != null && jam.playback().isPlaying() ? 1 : 0);
  }

  public JamStats plus(JamStats o) {
    return new JamStats(jams + o.jams, participants + o.participants,
        connectedParticipants + o.connectedParticipants, queuedSongs + o.queuedSongs,
        playingJams + o.playingJams);
  }
}
