package dev.jamsession.core.domain;

import static dev.jamsession.core.protocol.ErrorCode.INVALID_TOKEN;
import static dev.jamsession.core.protocol.ErrorCode.NOT_FOUND;
import static dev.jamsession.core.protocol.ErrorCode.NOT_HOST;
import static dev.jamsession.core.protocol.ErrorCode.NOT_JOINED;
import static dev.jamsession.core.protocol.ErrorCode.SESSION_FULL;

import dev.jamsession.core.domain.Command.Disconnect;
import dev.jamsession.core.domain.Command.GatewayLost;
import dev.jamsession.core.domain.Command.Join;
import dev.jamsession.core.domain.Command.Kick;
import dev.jamsession.core.domain.Command.TransferHost;
import dev.jamsession.core.protocol.JamException;
import java.util.List;

/**
 * Who is in a jam and on which connection: joins and resumes, disconnects, leaving, kicks and
 * the host role. A participant's live connection is keyed by its id, so a connection is the
 * live connection of at most one participant and nobody stays connected without one.
 */
final class Membership {
  private Membership() {}

  static Reply join(Draft d, Join c) {
    int live = d.indexOfLiveConnection(c.connectionId());
    if (c.resumeToken() != null) {
      return resume(d, c, live);
    }
    if (live >= 0) {
      // Another join on a connection that already is a participant's (a second one in flight, or
      // a join again to the same jam): it is that participant. A connection that only was one
      // (a resume moved them elsewhere) joins anew.
      return Reply.snapshotFor(d.participants.get(live).id(), d.now);
    }
    if (c.hostToken() != null && (d.hostClaimed || !c.hostToken().equals(d.base.hostToken()))) {
      throw new JamException(INVALID_TOKEN, "This host link is not valid (it may have been used already)");
    }
    if (d.participants.size() >= d.settings.maxParticipants()) {
      throw new JamException(SESSION_FULL, "This jam is full");
    }
    String name = Names.unique(c.userName(), d.participants.stream().map(Participant::name).toList());
    Participant p = new Participant(d.ids.id("p-"), name, d.now, true, 0, d.ids.token(),
        c.connectionId(), 0);
    d.participants.add(p);
    d.lastActivity = d.now;
    if (c.hostToken() != null) {
      d.hostId = p.id();
      d.hostClaimed = true;
    }
    d.participantEvent(EventType.PARTICIPANT_JOINED, p, null, null);
    return Reply.snapshotFor(p.id(), d.now);
  }

  /**
   * The participant of the token takes {@code c}'s connection. Whoever had that connection live
   * loses it (they are disconnected, their grace starts); the participant's own previous
   * connection, if another, is named as detached so its gateway stops treating it as a member.
   */
  private static Reply resume(Draft d, Join c, int liveOnConnection) {
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
    if (before.isLiveOn(c.connectionId())) {
      return Reply.snapshotFor(before.id(), d.now);
    }
    if (liveOnConnection >= 0) {
      disconnectAt(d, liveOnConnection);
    }
    Participant after = before.reconnected(c.connectionId());
    d.participants.set(i, after);
    String previous = before.connectionId();
    String detached = previous != null && !previous.equals(c.connectionId()) ? previous : null;
    d.participantEvent(EventType.PARTICIPANT_UPDATED, after, null, detached);
    return Reply.snapshotFor(after.id(), d.now);
  }

  static Reply disconnect(Draft d, Disconnect c) {
    int i = d.indexOfLiveConnection(c.connectionId());
    if (i >= 0) {
      disconnectAt(d, i);
    }
    return Reply.EMPTY;
  }

  static Reply gatewayLost(Draft d, GatewayLost c) {
    String prefix = c.gatewayId() + "/";
    for (int i = 0; i < d.participants.size(); i++) {
      Participant p = d.participants.get(i);
      if (p.connected() && p.connectionId() != null && p.connectionId().startsWith(prefix)) {
        disconnectAt(d, i);
      }
    }
    return Reply.EMPTY;
  }

  private static void disconnectAt(Draft d, int i) {
    Participant after = d.participants.get(i).disconnected(d.now);
    d.participants.set(i, after);
    d.participantEvent(EventType.PARTICIPANT_UPDATED, after, null, null);
  }

  static Reply leave(Draft d, String actor) {
    remove(d, member(d, actor), "left");
    return Reply.EMPTY;
  }

  static Reply kick(Draft d, Kick c) {
    Participant actor = member(d, c.actor());
    requireHost(d, actor, "Only the host can remove people");
    int i = d.indexOfParticipant(c.target());
    if (i < 0) {
      throw new JamException(NOT_FOUND, "That person is not in this jam");
    }
    if (c.target().equals(actor.id())) {
      throw Input.invalid("You cannot remove yourself; leave the jam instead");
    }
    remove(d, d.participants.get(i), "kicked");
    return Reply.EMPTY;
  }

  static Reply transferHost(Draft d, TransferHost c) {
    Participant actor = member(d, c.actor());
    requireHost(d, actor, "Only the host can hand over the host role");
    if (d.indexOfParticipant(c.target()) < 0) {
      throw new JamException(NOT_FOUND, "That person is not in this jam");
    }
    if (!c.target().equals(actor.id())) {
      d.hostId = c.target();
      d.lastActivity = d.now;
      d.hostChanged();
    }
    return Reply.EMPTY;
  }

  /** Participants whose grace period ran out without a resume leave with reason timeout. */
  static void expireGrace(Draft d, long graceMs) {
    for (Participant p : List.copyOf(d.participants)) {
      if (!p.connected() && p.disconnectedAt() + graceMs <= d.now) {
        remove(d, p, "timeout");
      }
    }
  }

  /**
   * Removes a participant: their songs stay queued, their votes and remembered requests go,
   * the host role moves on.
   */
  static void remove(Draft d, Participant p, String reason) {
    d.participants.remove(d.indexOfParticipant(p.id()));
    d.skipVotes.remove(p.id());
    d.queue.replaceAll(item -> item.votes().containsKey(p.id()) ? item.withVote(p.id(), 0) : item);
    d.sortQueue();
    Retries.forget(d, p.id());
    d.participantEvent(EventType.PARTICIPANT_LEFT, p, reason, null);
    String formerHost = d.hostId;
    if (p.id().equals(d.hostId)) {
      d.hostId = successor(d);
    }
    d.lastActivity = d.now;
    if (formerHost != null && !formerHost.equals(d.hostId) && d.hostId != null) {
      d.hostChanged();
    }
  }

  /** A host lost without a successor at the time (an empty jam) is replaced by the next joiner. */
  static void ensureHost(Draft d) {
    if (d.hostId == null && d.hostClaimed && !d.participants.isEmpty()) {
      d.hostId = successor(d);
      d.hostChanged();
    }
  }

  /** The connected participant who joined first, else the first who joined, else nobody. */
  private static String successor(Draft d) {
    return d.participants.stream().filter(Participant::connected).findFirst()
        .or(() -> d.participants.stream().findFirst())
        .map(Participant::id).orElse(null);
  }

  static Participant member(Draft d, String actor) {
    int i = actor == null ? -1 : d.indexOfParticipant(actor);
    // The gateway learns only from an event that a resume elsewhere (or a disconnect) took its
    // connection's participant away, and may send on its behalf meanwhile; the jam knows at once.
    if (i < 0 || (d.via != null && !d.participants.get(i).isLiveOn(d.via))) {
      throw new JamException(NOT_JOINED, "Join the jam first");
    }
    return d.participants.get(i);
  }

  static void requireHost(Draft d, Participant p, String message) {
    if (!p.id().equals(d.hostId)) {
      throw new JamException(NOT_HOST, message);
    }
  }
}
