package dev.jamsession.core.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The engine's scratch copy of one jam while a command runs. Commands change it freely; {@link
 * #finish} turns it back into an immutable {@link Jam} with one new revision shared by all the
 * events the command caused, rendered from the final state.
 */
final class Draft {
  private static final Comparator<QueueItem> BY_SCORE = Comparator.comparingInt(QueueItem::score).reversed();
  /** PROTOCOL §4: score descending, then older first. */
  private static final Comparator<QueueItem> QUEUE_ORDER = BY_SCORE
      .thenComparingLong(QueueItem::addedAt)
      .thenComparingLong(QueueItem::seq);
  /** PROTOCOL §11 fairQueue: within one score, each adder's first song, then their second, ... */
  private static final Comparator<QueueItem> FAIR_ORDER = BY_SCORE
      .thenComparingInt(QueueItem::round)
      .thenComparingLong(QueueItem::addedAt)
      .thenComparingLong(QueueItem::seq);

  /** An event whose snapshot fields ({@code fields}) are rendered once the command is done. */
  private record PendingEvent(EventType type, List<SnapshotField> fields, Map<String, Object> extras,
                              String participantId, String reason, String detached, long durationMs) {}

  final Jam base;
  final long now;
  final Ids ids;
  /** The connection a participant's command came on ({@link Command.Via}), or null. */
  final String via;
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
  AppliedRequests applied;
  /** What a retry of this command needs to answer again, when a rule has more than ids to say. */
  String resultRef;
  private boolean changed;
  private boolean newRevision;
  private boolean ended;
  private final List<PendingEvent> events = new ArrayList<>();

  Draft(Jam jam, long now, Ids ids, String via) {
    this.base = jam;
    this.now = now;
    this.ids = ids;
    this.via = via;
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
    applied = jam.applied();
  }

  /** Records a change that clients do not see (no event, no new revision). */
  void changed() {
    changed = true;
  }

  /** Records a visible change: an event carrying the final values of its type's fields. */
  void event(EventType type) {
    versioned(new PendingEvent(type, type.fields(), Map.of(), null, null, null, 0));
  }

  /** An event that carries {@code also} beside its type's own fields (a settings change that reordered the queue). */
  void event(EventType type, SnapshotField also) {
    List<SnapshotField> fields = new ArrayList<>(type.fields());
    fields.add(also);
    versioned(new PendingEvent(type, fields, Map.of(), null, null, null, 0));
  }

  /** An event about one participant, shown as they are now (before any succession). */
  void participantEvent(EventType type, Participant p, String reason, String detached) {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("participant", Views.participant(p, hostId));
    if (reason != null) {
      extras.put("reason", reason);
    }
    versioned(new PendingEvent(type, type.fields(), extras, p.id(), reason, detached, 0));
  }

  void hostChanged() {
    versioned(new PendingEvent(EventType.HOST_CHANGED, EventType.HOST_CHANGED.fields(), Map.of(), hostId,
        null, null, 0));
  }

  void end(String reason) {
    ended = true;
    long age = now - base.createdAt();
    versioned(new PendingEvent(EventType.SESSION_ENDED, List.of(), Map.of("reason", reason, "durationMs", age),
        null, reason, null, age));
  }

  /** A reaction (PROTOCOL §12): published, but no change of state and no new revision. */
  void reaction(Participant p, String emoji) {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("participant", Views.participant(p, hostId));
    extras.put("emoji", emoji);
    extras.put("at", now);
    events.add(new PendingEvent(EventType.REACTION, List.of(), extras, p.id(), null, null, 0));
  }

  private void versioned(PendingEvent e) {
    changed = true;
    newRevision = true;
    events.add(e);
  }

  boolean isChanged() {
    return changed;
  }

  boolean isEnded() {
    return ended;
  }

  /** The revision the jam will have after this command. */
  long nextRev() {
    return newRevision ? base.rev() + 1 : base.rev();
  }

  /** Puts the queue in the order the settings ask for; whether that moved anything. */
  boolean sortQueue() {
    List<QueueItem> before = List.copyOf(queue);
    queue.sort(settings.fairQueue() ? FAIR_ORDER : QUEUE_ORDER);
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i) != queue.get(i)) {
        return true; // the same items: compared by identity, not by their whole value
      }
    }
    return false;
  }

  /**
   * The queue changed (an add, a vote, a removal): put back in order, the jam active, one
   * queue-updated.
   */
  void queueChanged() {
    sortQueue();
    lastActivity = now;
    event(EventType.QUEUE_UPDATED);
  }

  int indexOfParticipant(String id) {
    return indexOf(participants, p -> p.id().equals(id));
  }

  /** The index of the participant whose live connection {@code connectionId} is, or -1. */
  int indexOfLiveConnection(String connectionId) {
    return indexOf(participants, p -> p.isLiveOn(connectionId));
  }

  int indexOfItem(String itemId) {
    return indexOf(queue, item -> item.id().equals(itemId));
  }

  private static <T> int indexOf(List<T> list, Predicate<T> match) {
    for (int i = 0; i < list.size(); i++) {
      if (match.test(list.get(i))) {
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

  /** The outcome without events or reply: the final state only (null once ended). */
  Outcome finishState() {
    if (!changed) {
      return new Outcome(base, false, false, List.of(), Map.of());
    }
    return new Outcome(ended ? null : snapshotJam(nextRev()), true, ended, List.of(), Map.of());
  }

  /**
   * The outcome, with the reply rendered from the final jam. A reply of a command that made a
   * new revision carries it as {@code rev}; an ended jam replies just that.
   */
  Outcome finish(Reply reply) {
    if (!changed) {
      return new Outcome(base, false, false, render(base), reply.render(base));
    }
    long rev = nextRev();
    Jam next = snapshotJam(rev);
    List<JamEvent> rendered = render(next);
    if (ended) {
      return new Outcome(null, true, true, rendered, Reply.withRev(Map.of(), rev));
    }
    Map<String, Object> data = reply.render(next);
    return new Outcome(next, true, false, rendered, rev > base.rev() ? Reply.withRev(data, rev) : data);
  }

  private List<JamEvent> render(Jam next) {
    List<JamEvent> rendered = new ArrayList<>(events.size());
    for (PendingEvent e : events) {
      Map<String, Object> data = new LinkedHashMap<>();
      for (SnapshotField f : e.fields()) {
        data.put(f.wireName(), Views.field(next, f));
      }
      data.putAll(e.extras());
      rendered.add(new JamEvent(e.type(), next.rev(), data, e.participantId(), e.reason(), e.detached(),
          e.durationMs()));
    }
    return rendered;
  }
}
