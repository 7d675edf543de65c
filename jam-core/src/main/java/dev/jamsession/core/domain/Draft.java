package dev.jamsession.core.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The engine's scratch copy of one jam while a command runs. Commands change it freely; {@link
 * #finish} turns it back into an immutable {@link Jam} with one new revision shared by all the
 * events the command caused, rendered from the final state.
 */
final class Draft {
  static final Comparator<QueueItem> QUEUE_ORDER = Comparator
      .comparingInt(QueueItem::score).reversed()
      .thenComparingLong(QueueItem::addedAt)
      .thenComparingLong(QueueItem::seq);

  private record PendingEvent(String type, List<String> fields, Map<String, Object> extras) {}

  final Jam base;
  final long now;
  String hostId;
  boolean hostClaimed;
  long lastActivity;
  final List<Participant> participants;
  final List<QueueItem> queue;
  QueueItem current;
  Playback playback;
  Settings settings;
  final List<HistoryEntry> history;
  final Set<String> skipVotes;
  long nextSeq;
  final List<Jam.AppliedRequest> applied;
  private boolean changed;
  private boolean ended;
  private final List<PendingEvent> events = new ArrayList<>();

  Draft(Jam jam, long now) {
    this.base = jam;
    this.now = now;
    hostId = jam.hostId();
    hostClaimed = jam.hostClaimed();
    lastActivity = jam.lastActivity();
    participants = new ArrayList<>(jam.participants());
    queue = new ArrayList<>(jam.queue());
    current = jam.current();
    playback = jam.playback();
    settings = jam.settings();
    history = new ArrayList<>(jam.history());
    skipVotes = new HashSet<>(jam.skipVotes());
    nextSeq = jam.nextSeq();
    applied = new ArrayList<>(jam.applied());
  }

  /** Remembers a request as applied, forgetting the oldest beyond the limit. */
  void remember(String requestId, String ref) {
    applied.add(new Jam.AppliedRequest(requestId, ref));
    if (applied.size() > Jam.APPLIED_REQUESTS_KEPT) {
      applied.remove(0);
    }
    changed = true;
  }

  /** Records a change that clients do not see (no event, no new revision). */
  void changed() {
    changed = true;
  }

  /** Records a visible change: an event carrying the final values of {@code fields}. */
  void event(String type, Map<String, Object> extras, String... fields) {
    changed = true;
    events.add(new PendingEvent(type, List.of(fields), extras));
  }

  void end(String reason) {
    ended = true;
    event("session-ended", Map.of("reason", reason, "durationMs", now - base.createdAt()));
  }

  boolean isChanged() {
    return changed;
  }

  boolean isEnded() {
    return ended;
  }

  void sortQueue() {
    queue.sort(QUEUE_ORDER);
  }

  int indexOfParticipant(String id) {
    for (int i = 0; i < participants.size(); i++) {
      if (participants.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  int indexOfItem(String itemId) {
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).id().equals(itemId)) {
        return i;
      }
    }
    return -1;
  }

  Jam snapshotJam(long rev) {
    return new Jam(base.code(), rev, base.createdAt(), lastActivity, base.hostName(),
        base.hostToken(), hostClaimed, hostId, participants, queue, current, playback, settings,
        history, skipVotes, nextSeq, applied);
  }

  /** The outcome, with the reply rendered from the final jam (an ended jam replies {}). */
  Outcome finish(Function<Jam, Map<String, Object>> reply) {
    if (!changed) {
      return new Outcome(base, false, false, List.of(), reply.apply(base));
    }
    long rev = events.isEmpty() ? base.rev() : base.rev() + 1;
    Jam next = snapshotJam(rev);
    List<Map<String, Object>> rendered = new ArrayList<>();
    for (PendingEvent e : events) {
      Map<String, Object> data = new LinkedHashMap<>();
      for (String f : e.fields()) {
        data.put(f, Views.field(next, f));
      }
      data.putAll(e.extras());
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("type", e.type());
      event.put("rev", rev);
      event.put("data", data);
      rendered.add(event);
    }
    if (ended) {
      return new Outcome(null, true, true, rendered, Map.of());
    }
    return new Outcome(next, true, false, rendered, reply.apply(next));
  }
}
