package dev.jamsession.core.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One jam, immutable. {@code participants} is ordered by joinedAt and {@code queue} by the
 * protocol's queue order; {@code history} is newest first. {@code hostToken} is spent
 * ({@code hostClaimed}) at the host's first join.
 */
public record Jam(String code, long rev, long createdAt, long lastActivity, String hostName,
                  String hostToken, boolean hostClaimed, String hostId,
                  List<Participant> participants, List<QueueItem> queue, QueueItem current,
                  Playback playback, Settings settings, List<HistoryEntry> history,
                  Set<String> skipVotes, long nextSeq, AppliedRequests applied) {

  /** How many recent request ids a jam remembers per participant (or joining connection). */
  public static final int REQUESTS_KEPT_PER_OWNER = 16;

  /**
   * A request already applied: whose it was ({@code owner}, a participant id, or a connection id
   * for a join), what its reply refers to (an item or participant id) and the revision it made
   * (0 when it made none).
   */
  public record AppliedRequest(String owner, String requestId, String ref, long rev) {}

  public Jam {
    participants = List.copyOf(participants);
    queue = List.copyOf(queue);
    history = List.copyOf(history);
    skipVotes = Set.copyOf(skipVotes);
  }

  /** A new jam with nobody in it yet; the creator becomes host by joining with the token. */
  public static Jam create(String code, String hostName, String hostToken, Settings settings, long now) {
    return new Jam(code, 0, now, now, hostName, hostToken, false, null, List.of(), List.of(),
        null, Playback.stopped(now), settings, List.of(), Set.of(), 0, AppliedRequests.NONE);
  }

  public Optional<Participant> participant(String id) {
    return participants.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public long connectedCount() {
    return participants.stream().filter(Participant::connected).count();
  }

  /** Skip votes that count: those of connected participants. */
  public int skipCount() {
    return (int) participants.stream()
        .filter(p -> p.connected() && skipVotes.contains(p.id())).count();
  }

  /**
   * ceil(skipThreshold x connected participants), at most {@code skipMaxVotes} when that is set
   * (PROTOCOL §9), at least 1.
   */
  public int skipNeeded() {
    int needed = (int) Math.ceil(settings.skipThreshold() * connectedCount() - 1e-9);
    int cap = settings.skipMaxVotes();
    return Math.max(1, cap > 0 ? Math.min(needed, cap) : needed);
  }

  public Optional<AppliedRequest> applied(String owner, String requestId) {
    return applied.find(owner, requestId);
  }

  public boolean isEmpty() {
    return participants.isEmpty();
  }
}
