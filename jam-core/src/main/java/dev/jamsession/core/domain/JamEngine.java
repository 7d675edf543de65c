package dev.jamsession.core.domain;

import static dev.jamsession.core.protocol.ErrorCode.DUPLICATE_SONG;
import static dev.jamsession.core.protocol.ErrorCode.INVALID_TOKEN;
import static dev.jamsession.core.protocol.ErrorCode.ITEM_NOT_FOUND;
import static dev.jamsession.core.protocol.ErrorCode.NOT_FOUND;
import static dev.jamsession.core.protocol.ErrorCode.NOT_HOST;
import static dev.jamsession.core.protocol.ErrorCode.NOT_JOINED;
import static dev.jamsession.core.protocol.ErrorCode.NOT_OWNER;
import static dev.jamsession.core.protocol.ErrorCode.QUEUE_FULL;
import static dev.jamsession.core.protocol.ErrorCode.SESSION_FULL;
import static dev.jamsession.core.protocol.ErrorCode.UNKNOWN_SONG;
import static dev.jamsession.core.protocol.ErrorCode.VOTING_DISABLED;

import dev.jamsession.core.domain.Command.AddToQueue;
import dev.jamsession.core.domain.Command.Autofill;
import dev.jamsession.core.domain.Command.Disconnect;
import dev.jamsession.core.domain.Command.EndSession;
import dev.jamsession.core.domain.Command.Expire;
import dev.jamsession.core.domain.Command.GatewayLost;
import dev.jamsession.core.domain.Command.Invalid;
import dev.jamsession.core.domain.Command.Join;
import dev.jamsession.core.domain.Command.Kick;
import dev.jamsession.core.domain.Command.Leave;
import dev.jamsession.core.domain.Command.PlayNext;
import dev.jamsession.core.domain.Command.PlaybackUpdate;
import dev.jamsession.core.domain.Command.RemoveFromQueue;
import dev.jamsession.core.domain.Command.Snapshot;
import dev.jamsession.core.domain.Command.Tick;
import dev.jamsession.core.domain.Command.TransferHost;
import dev.jamsession.core.domain.Command.UpdateSettings;
import dev.jamsession.core.domain.Command.Vote;
import dev.jamsession.core.domain.Command.VoteSkip;
import dev.jamsession.core.protocol.JamException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a jam: (state, command, now) to (new state, events, reply). Pure and
 * deterministic but for the ids it draws, so it runs unchanged inside a Hazelcast
 * EntryProcessor and in plain unit tests. Checks run in the order of PROTOCOL §8: membership,
 * shape, permission, state.
 */
public final class JamEngine {
  public static final int HISTORY_LIMIT = 50;

  private static final Function<Jam, Map<String, Object>> EMPTY = j -> Map.of();

  private final Ids ids;

  public JamEngine(Ids ids) {
    this.ids = ids;
  }

  public Outcome apply(Jam jam, Command command, long now) {
    String requestId = null;
    if (command instanceof Command.Tracked tracked) {
      requestId = tracked.requestId();
      command = tracked.command();
      Optional<Jam.AppliedRequest> done = jam == null ? Optional.empty() : jam.applied(requestId);
      if (done.isPresent()) {
        return new Outcome(jam, false, false, List.of(), replay(jam, command, done.get().ref(), now));
      }
    }
    if (jam == null) {
      if (command instanceof Tick || command instanceof Expire || command instanceof Disconnect
          || command instanceof GatewayLost) {
        return new Outcome(null, false, false, List.of(), Map.of()); // already gone: nothing happened
      }
      throw new JamException(NOT_FOUND, "This jam has ended or does not exist");
    }
    Draft d = new Draft(jam, now);
    Function<Jam, Map<String, Object>> reply = dispatch(d, command);
    if (!d.isEnded()) {
      settle(d);
      if (requestId != null && d.isChanged()) {
        d.remember(requestId, refOf(d, command));
      }
    }
    return d.finish(reply);
  }

  /** What a retried request's reply refers to: the participant who joined, the item added or voted. */
  private static String refOf(Draft d, Command command) {
    if (command instanceof Join c) {
      return d.participants.stream().filter(p -> c.connectionId().equals(p.connectionId()))
          .map(Participant::id).findFirst().orElse(null);
    }
    if (command instanceof AddToQueue c) {
      return d.queue.stream().filter(i -> i.song().id().equals(c.song().id())).map(QueueItem::id)
          .findFirst().orElse(d.current != null ? d.current.id() : null);
    }
    if (command instanceof Vote c) {
      return c.itemId();
    }
    return null;
  }

  /** The reply a request already applied gets again, rendered from the jam as it is now. */
  private static Map<String, Object> replay(Jam jam, Command command, String ref, long now) {
    if (command instanceof Join) {
      if (ref == null || jam.participant(ref).isEmpty()) {
        throw new JamException(NOT_JOINED, "Join the jam first");
      }
      return Views.snapshot(jam, ref, now);
    }
    if (command instanceof AddToQueue || command instanceof Vote) {
      return single("item", Views.item(findAnywhere(jam, ref)));
    }
    if (command instanceof PlayNext) {
      return single("current", Views.item(jam.current()));
    }
    if (command instanceof PlaybackUpdate) {
      return single("playback", Views.playback(jam.playback()));
    }
    if (command instanceof VoteSkip) {
      return single("skipVotes", Views.skipVotes(jam));
    }
    if (command instanceof UpdateSettings) {
      return single("settings", jam.settings().toMap());
    }
    return Map.of();
  }

  // Java 17 has no pattern switch; one line per command keeps the table readable.
  private Function<Jam, Map<String, Object>> dispatch(Draft d, Command command) {
    if (command instanceof Join c) return join(d, c);
    if (command instanceof Tick c) return tick(d, c);
    if (command instanceof Expire c) return expire(d, c);
    if (command instanceof Disconnect c) return disconnect(d, c);
    if (command instanceof GatewayLost c) return gatewayLost(d, c);
    if (command instanceof Autofill c) return autofill(d, c);
    if (command instanceof Invalid c) {
      member(d, c.actor());
      throw Input.invalid(c.message());
    }
    if (command instanceof Leave c) {
      removeParticipant(d, member(d, c.actor()), "left");
      return EMPTY;
    }
    if (command instanceof AddToQueue c) return add(d, c);
    if (command instanceof Vote c) return vote(d, c);
    if (command instanceof RemoveFromQueue c) return remove(d, c);
    if (command instanceof PlayNext c) {
      requireHost(d, member(d, c.actor()), "Only the host can skip songs");
      advance(d);
      return j -> single("current", Views.item(j.current()));
    }
    if (command instanceof PlaybackUpdate c) return playback(d, c);
    if (command instanceof VoteSkip c) return voteSkip(d, c);
    if (command instanceof UpdateSettings c) return settings(d, c);
    if (command instanceof Kick c) return kick(d, c);
    if (command instanceof TransferHost c) return transferHost(d, c);
    if (command instanceof EndSession c) {
      requireHost(d, member(d, c.actor()), "Only the host can end the jam");
      d.end("host-ended");
      return EMPTY;
    }
    if (command instanceof Snapshot c) {
      String me = member(d, c.actor()).id();
      return j -> Views.snapshot(j, me, d.now);
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  // ---- membership ----

  private Function<Jam, Map<String, Object>> join(Draft d, Join c) {
    if (c.boundParticipantId() != null && d.indexOfParticipant(c.boundParticipantId()) >= 0) {
      String me = c.boundParticipantId();
      return j -> Views.snapshot(j, me, d.now);
    }
    if (c.resumeToken() != null) {
      return resume(d, c);
    }
    if (c.hostToken() != null && (d.hostClaimed || !c.hostToken().equals(d.base.hostToken()))) {
      throw new JamException(INVALID_TOKEN, "This host link is not valid (it may have been used already)");
    }
    if (d.participants.size() >= d.settings.maxParticipants()) {
      throw new JamException(SESSION_FULL, "This jam is full");
    }
    Participant p = new Participant(ids.id("p-"), Names.unique(c.userName(), d.participants.stream().map(Participant::name).toList()), d.now, true, 0, ids.token(),
        c.connectionId());
    d.participants.add(p);
    d.lastActivity = d.now;
    if (c.hostToken() != null) {
      d.hostId = p.id();
      d.hostClaimed = true;
    }
    d.event("participant-joined", participantExtra(p, d), "participants", "hostId", "skipVotes");
    String me = p.id();
    return j -> Views.snapshot(j, me, d.now);
  }

  private Function<Jam, Map<String, Object>> resume(Draft d, Join c) {
    int i = -1;
    for (int k = 0; k < d.participants.size(); k++) {
      if (d.participants.get(k).resumeToken().equals(c.resumeToken())) {
        i = k;
      }
    }
    if (i < 0) {
      throw new JamException(INVALID_TOKEN, "Your place in this jam has expired; please join again");
    }
    Participant before = d.participants.get(i);
    Participant after = before.reconnected(c.connectionId());
    d.participants.set(i, after);
    if (before.connected()) {
      d.changed(); // a new connection took over; the old one's late disconnect is ignored
    } else {
      d.event("participant-updated", participantExtra(after, d), "participants", "skipVotes");
    }
    String me = after.id();
    return j -> Views.snapshot(j, me, d.now);
  }

  private Function<Jam, Map<String, Object>> disconnect(Draft d, Disconnect c) {
    int i = d.indexOfParticipant(c.actor());
    if (i >= 0) {
      Participant p = d.participants.get(i);
      if (p.connected() && p.connectionId().equals(c.connectionId())) {
        Participant after = p.disconnected(d.now);
        d.participants.set(i, after);
        d.event("participant-updated", participantExtra(after, d), "participants", "skipVotes");
      }
    }
    return EMPTY;
  }

  private Function<Jam, Map<String, Object>> gatewayLost(Draft d, GatewayLost c) {
    String prefix = c.gatewayId() + "/";
    for (Participant p : List.copyOf(d.participants)) {
      if (p.connected() && p.connectionId() != null && p.connectionId().startsWith(prefix)) {
        disconnect(d, new Disconnect(p.id(), p.connectionId()));
      }
    }
    return EMPTY;
  }

  private Function<Jam, Map<String, Object>> kick(Draft d, Kick c) {
    Participant actor = member(d, c.actor());
    requireHost(d, actor, "Only the host can remove people");
    int i = d.indexOfParticipant(c.target());
    if (i < 0) {
      throw new JamException(NOT_FOUND, "That person is not in this jam");
    }
    if (c.target().equals(actor.id())) {
      throw Input.invalid("You cannot remove yourself; leave the jam instead");
    }
    removeParticipant(d, d.participants.get(i), "kicked");
    return EMPTY;
  }

  private Function<Jam, Map<String, Object>> transferHost(Draft d, TransferHost c) {
    Participant actor = member(d, c.actor());
    requireHost(d, actor, "Only the host can hand over the host role");
    if (d.indexOfParticipant(c.target()) < 0) {
      throw new JamException(NOT_FOUND, "That person is not in this jam");
    }
    if (!c.target().equals(actor.id())) {
      d.hostId = c.target();
      d.lastActivity = d.now;
      d.event("host-changed", Map.of(), "participants", "hostId");
    }
    return EMPTY;
  }

  /** Removes a participant: their songs stay queued, their votes go, the host role moves on. */
  private void removeParticipant(Draft d, Participant p, String reason) {
    d.participants.remove(d.indexOfParticipant(p.id()));
    d.skipVotes.remove(p.id());
    d.queue.replaceAll(item -> item.votes().containsKey(p.id()) ? item.withVote(p.id(), 0) : item);
    d.sortQueue();
    Map<String, Object> extra = participantExtra(p, d);
    String formerHost = d.hostId;
    if (p.id().equals(d.hostId)) {
      d.hostId = successor(d);
    }
    d.lastActivity = d.now;
    extra.put("reason", reason);
    d.event("participant-left", extra, "participants", "hostId", "skipVotes", "queue");
    if (formerHost != null && !formerHost.equals(d.hostId) && d.hostId != null) {
      d.event("host-changed", Map.of(), "participants", "hostId");
    }
  }

  /** The connected participant who joined first, else the first who joined, else nobody. */
  private static String successor(Draft d) {
    return d.participants.stream().filter(Participant::connected).findFirst()
        .or(() -> d.participants.stream().findFirst())
        .map(Participant::id).orElse(null);
  }

  // ---- queue ----

  private Function<Jam, Map<String, Object>> add(Draft d, AddToQueue c) {
    Participant actor = member(d, c.actor());
    if (c.song() == null) {
      throw new JamException(UNKNOWN_SONG, "That song is not in the catalog");
    }
    if (d.queue.size() >= d.settings.maxQueueSize()) {
      throw new JamException(QUEUE_FULL, "The queue is full (" + d.settings.maxQueueSize() + " songs)");
    }
    String songId = c.song().id();
    boolean duplicate = (d.current != null && d.current.song().id().equals(songId))
        || d.queue.stream().anyMatch(i -> i.song().id().equals(songId));
    if (duplicate) {
      throw new JamException(DUPLICATE_SONG, "That song is already playing or queued");
    }
    QueueItem item = new QueueItem(ids.id("q-"), c.song(), actor.id(), actor.name(), d.now,
        d.nextSeq++, Map.of());
    d.queue.add(item);
    d.sortQueue();
    d.lastActivity = d.now;
    d.event("queue-updated", Map.of(), "queue");
    String itemId = item.id();
    return j -> single("item", Views.item(findAnywhere(j, itemId)));
  }

  private Function<Jam, Map<String, Object>> vote(Draft d, Vote c) {
    Participant actor = member(d, c.actor());
    if (!d.settings.allowVoting()) {
      throw new JamException(VOTING_DISABLED, "The host has turned voting off");
    }
    int i = requireItem(d, c.itemId());
    QueueItem before = d.queue.get(i);
    Integer old = before.votes().get(actor.id());
    if ((old == null ? 0 : old) != c.value()) {
      d.queue.set(i, before.withVote(actor.id(), c.value()));
      d.sortQueue();
      d.lastActivity = d.now;
      d.event("queue-updated", Map.of(), "queue");
    }
    String itemId = c.itemId();
    return j -> single("item", Views.item(findAnywhere(j, itemId)));
  }

  private Function<Jam, Map<String, Object>> remove(Draft d, RemoveFromQueue c) {
    Participant actor = member(d, c.actor());
    int i = requireItem(d, c.itemId());
    if (!actor.id().equals(d.hostId) && !actor.id().equals(d.queue.get(i).addedById())) {
      throw new JamException(NOT_OWNER, "Only the person who added a song, or the host, can remove it");
    }
    d.queue.remove(i);
    d.lastActivity = d.now;
    d.event("queue-updated", Map.of(), "queue");
    return EMPTY;
  }

  /** The name and id an autofilled item shows as its adder. */
  public static final String RECOMMENDER_NAME = "Recommender";
  public static final String RECOMMENDER_ID = "recommender";

  /** How close to the end of the last song autofill picks the next one. */
  public static final long AUTOFILL_LEAD_MS = 20_000;

  private Function<Jam, Map<String, Object>> autofill(Draft d, Autofill c) {
    Jam now = d.snapshotJam(d.base.rev());
    boolean known = (d.current != null && d.current.song().id().equals(c.song().id()))
        || d.history.stream().anyMatch(h -> h.song().id().equals(c.song().id()));
    if (needsAutofill(now, d.now) && !known) {
      d.queue.add(new QueueItem(ids.id("q-"), c.song(), RECOMMENDER_ID, RECOMMENDER_NAME, d.now,
          d.nextSeq++, Map.of()));
      d.event("queue-updated", Map.of(), "queue");
    }
    return EMPTY;
  }

  /**
   * Whether the music is about to stop for want of songs: autoplay and autofill on, someone
   * listening, nothing queued, and the last song within {@link #AUTOFILL_LEAD_MS} of its end
   * (or already over). Until then the room has time to pick its own next song.
   */
  public static boolean needsAutofill(Jam jam, long now) {
    Settings settings = jam.settings();
    if (!settings.autoPlay() || !settings.autofill() || !jam.queue().isEmpty() || jam.connectedCount() == 0) {
      return false;
    }
    if (jam.current() == null) {
      return !jam.history().isEmpty();
    }
    long remaining = jam.current().song().durationMs() - jam.playback().positionAt(now);
    return jam.playback().isPlaying() && remaining <= AUTOFILL_LEAD_MS;
  }

  // ---- playback ----

  private Function<Jam, Map<String, Object>> playback(Draft d, PlaybackUpdate c) {
    Participant actor = member(d, c.actor());
    if (!actor.id().equals(d.hostId) && !d.settings.guestsControlPlayback()) {
      throw new JamException(NOT_HOST, "Only the host can control playback");
    }
    if (d.current == null) {
      throw Input.invalid("Nothing is playing");
    }
    long duration = d.current.song().durationMs();
    if (c.positionMs() != null && c.positionMs() > duration) {
      throw Input.invalid("positionMs must be between 0 and the song's length (" + duration + " ms)");
    }
    boolean playing = c.isPlaying() != null ? c.isPlaying() : d.playback.isPlaying();
    long position = c.positionMs() != null ? c.positionMs()
        : Math.min(duration, d.playback.positionAt(d.now));
    d.playback = new Playback(playing, position, d.now);
    d.lastActivity = d.now;
    d.event("playback-updated", Map.of(), "playback");
    return j -> single("playback", Views.playback(j.playback()));
  }

  private Function<Jam, Map<String, Object>> voteSkip(Draft d, VoteSkip c) {
    Participant actor = member(d, c.actor());
    if (d.current == null) {
      throw Input.invalid("Nothing is playing");
    }
    boolean changed = c.value() ? d.skipVotes.add(actor.id()) : d.skipVotes.remove(actor.id());
    if (changed) {
      d.lastActivity = d.now;
      d.event("skip-votes-updated", Map.of(), "skipVotes");
    }
    return j -> single("skipVotes", Views.skipVotes(j));
  }

  private Function<Jam, Map<String, Object>> settings(Draft d, UpdateSettings c) {
    requireHost(d, member(d, c.actor()), "Only the host can change the settings");
    Settings next = d.settings.apply(c.patch());
    if (!next.equals(d.settings)) {
      d.settings = next;
      d.lastActivity = d.now;
      d.event("settings-updated", Map.of(), "settings", "skipVotes");
    }
    return j -> single("settings", j.settings().toMap());
  }

  // ---- time ----

  private Function<Jam, Map<String, Object>> tick(Draft d, Tick c) {
    for (Participant p : List.copyOf(d.participants)) {
      if (!p.connected() && p.disconnectedAt() + c.graceMs() <= d.now) {
        removeParticipant(d, p, "timeout");
      }
    }
    if (d.current != null && d.playback.isPlaying()
        && d.playback.positionAt(d.now) >= d.current.song().durationMs()) {
      if (d.settings.autoPlay()) {
        advance(d);
      } else {
        d.playback = new Playback(false, d.current.song().durationMs(), d.now);
        d.event("playback-updated", Map.of(), "playback");
      }
    }
    return EMPTY;
  }

  private Function<Jam, Map<String, Object>> expire(Draft d, Expire c) {
    if (d.lastActivity < c.idleBefore()) {
      d.end("idle");
    } else if (d.participants.isEmpty() && d.lastActivity + c.graceMs() <= d.now) {
      d.end("empty");
    }
    return EMPTY;
  }

  /** The current song goes to history and the top of the queue plays from 0. */
  private static void advance(Draft d) {
    if (d.current == null && d.queue.isEmpty()) {
      return;
    }
    if (d.current != null) {
      d.history.add(0, new HistoryEntry(d.current.song(), d.current.addedBy(),
          d.current.addedById(), d.now, d.current.votes(), d.skipVotes));
      if (d.history.size() > HISTORY_LIMIT) {
        d.history.subList(HISTORY_LIMIT, d.history.size()).clear();
      }
    }
    d.current = d.queue.isEmpty() ? null : d.queue.remove(0);
    d.playback = d.current == null ? Playback.stopped(d.now) : new Playback(true, 0, d.now);
    d.skipVotes.clear();
    d.lastActivity = d.now;
    d.event("now-playing", Map.of(), "current", "playback", "history", "skipVotes", "queue");
  }

  /**
   * After any command: a lost host is replaced, enough skip votes skip, and with autoPlay an
   * idle jam starts the top of its queue.
   */
  private static void settle(Draft d) {
    if (d.hostId == null && d.hostClaimed && !d.participants.isEmpty()) {
      d.hostId = successor(d);
      d.event("host-changed", Map.of(), "participants", "hostId");
    }
    Jam view = d.snapshotJam(d.base.rev());
    if (d.current != null && view.skipCount() > 0 && view.skipCount() >= view.skipNeeded()) {
      advance(d);
    }
    if (d.current == null && d.settings.autoPlay() && !d.queue.isEmpty()) {
      advance(d);
    }
  }

  // ---- checks ----

  private static Participant member(Draft d, String actor) {
    int i = actor == null ? -1 : d.indexOfParticipant(actor);
    if (i < 0) {
      throw new JamException(NOT_JOINED, "Join the jam first");
    }
    return d.participants.get(i);
  }

  private static void requireHost(Draft d, Participant p, String message) {
    if (!p.id().equals(d.hostId)) {
      throw new JamException(NOT_HOST, message);
    }
  }

  private static int requireItem(Draft d, String itemId) {
    int i = d.indexOfItem(itemId);
    if (i < 0) {
      throw new JamException(ITEM_NOT_FOUND, "That song is no longer in the queue");
    }
    return i;
  }

  private static QueueItem findAnywhere(Jam jam, String itemId) {
    if (jam.current() != null && jam.current().id().equals(itemId)) {
      return jam.current();
    }
    return jam.queue().stream().filter(i -> i.id().equals(itemId)).findFirst().orElse(null);
  }

  private static Map<String, Object> participantExtra(Participant p, Draft d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("participant", Views.participant(p, d.hostId));
    return m;
  }

  private static Map<String, Object> single(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }
}
