package dev.jamsession.core.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** An event whose snapshot fields are rendered once the command is done. */
  private record PendingEvent(EventType type, Map<String, Object> extras, String participantId,
                              String reason, String detached, long durationMs) {}

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
  final List<Jam.AppliedRequest> applied;
  /** What a retry of this command needs to answer again, when a rule has more than ids to say. */
  String resultRef;
  private boolean changed;
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
    applied = new ArrayList<>(jam.applied());
  }

  /** Records a change that clients do not see (no event, no new revision). */
  void changed() {
    changed = true;
  }

  /** Records a visible change: an event carrying the final values of its type's fields. */
  void event(EventType type) {
    changed = true;
    events.add(new PendingEvent(type, Map.of(), null, null, null, 0));
  }

  /** An event about one participant, shown as they are now (before any succession). */
  void participantEvent(EventType type, Participant p, String reason, String detached) {
    changed = true;
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("participant", Views.participant(p, hostId));
    if (reason != null) {
      extras.put("reason", reason);
    }
    events.add(new PendingEvent(type, extras, p.id(), reason, detached, 0));
  }

  void hostChanged() {
    changed = true;
    events.add(new PendingEvent(EventType.HOST_CHANGED, Map.of(), hostId, null, null, 0));
  }

  void end(String reason) {
    ended = true;
    changed = true;
    long age = now - base.createdAt();
    events.add(new PendingEvent(EventType.SESSION_ENDED, Map.of("reason", reason, "durationMs", age),
        null, reason, null, age));
  }

  boolean isChanged() {
    return changed;
  }

  boolean isEnded() {
    return ended;
  }

  /** The revision the jam will have after this command. */
  long nextRev() {
    return events.isEmpty() ? base.rev() : base.rev() + 1;
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

  /** The index of the participant whose live connection {@code connectionId} is, or -1. */
  int indexOfLiveConnection(String connectionId) {
    for (int i = 0; i < participants.size(); i++) {
      if (participants.get(i).isLiveOn(connectionId)) {
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
      return new Outcome(base, false, false, List.of(), reply.render(base));
    }
    long rev = nextRev();
    Jam next = snapshotJam(rev);
    List<JamEvent> rendered = new ArrayList<>(events.size());
    for (PendingEvent e : events) {
      Map<String, Object> data = new LinkedHashMap<>();
      for (SnapshotField f : e.type().fields()) {
        data.put(f.wireName(), Views.field(next, f));
      }
      data.putAll(e.extras());
      rendered.add(new JamEvent(e.type(), rev, data, e.participantId(), e.reason(), e.detached(),
          e.durationMs()));
    }
    if (ended) {
      return new Outcome(null, true, true, rendered, Reply.withRev(Map.of(), rev));
    }
    Map<String, Object> data = reply.render(next);
    return new Outcome(next, true, false, rendered, rev > base.rev() ? Reply.withRev(data, rev) : data);
  }
}
