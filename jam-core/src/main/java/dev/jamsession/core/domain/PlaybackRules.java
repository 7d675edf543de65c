package dev.jamsession.core.domain;

import dev.jamsession.core.domain.Command.PlaybackUpdate;
import dev.jamsession.core.domain.Command.VoteSkip;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;

/** What plays: skipping, the shared position, votes to skip, and songs reaching their end. */
final class PlaybackRules {
  /** History keeps the newest songs only (PROTOCOL §8). */
  static final int HISTORY_LIMIT = 50;

  private PlaybackRules() {}

  static Reply playNext(Draft d, String actor) {
    Membership.requireHost(d, Membership.member(d, actor), "Only the host can skip songs");
    advance(d);
    return Reply.of("current", jam -> Views.item(jam.current()));
  }

  static Reply playback(Draft d, PlaybackUpdate c) {
    Participant actor = Membership.member(d, c.actor());
    if (!actor.id().equals(d.hostId) && !d.settings.guestsControlPlayback()) {
      throw new JamException(ErrorCode.NOT_HOST, "Only the host can control playback");
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
    // A start, resume or seek begins a little ahead, at one instant for every player (PROTOCOL §6).
    d.playback = playing ? Playback.scheduled(position, d.now) : new Playback(false, position, d.now);
    d.lastActivity = d.now;
    d.event(EventType.PLAYBACK_UPDATED);
    return playbackReply();
  }

  static Reply playbackReply() {
    return Reply.of("playback", jam -> Views.playback(jam.playback()));
  }

  static Reply voteSkip(Draft d, VoteSkip c) {
    Participant actor = Membership.member(d, c.actor());
    if (d.current == null) {
      throw Input.invalid("Nothing is playing");
    }
    boolean changed = c.value() ? d.skipVotes.add(actor.id()) : d.skipVotes.remove(actor.id());
    if (changed) {
      d.lastActivity = d.now;
      d.event(EventType.SKIP_VOTES_UPDATED);
    }
    return skipVotesReply();
  }

  static Reply skipVotesReply() {
    return Reply.of("skipVotes", Views::skipVotes);
  }

  /** The ticker's part: a song whose time is up advances with autoplay, else stops at its end. */
  static void songEnded(Draft d) {
    if (d.current != null && d.playback.isPlaying()
        && d.playback.positionAt(d.now) >= d.current.song().durationMs()) {
      if (d.settings.autoPlay()) {
        advance(d);
      } else {
        d.playback = new Playback(false, d.current.song().durationMs(), d.now);
        d.event(EventType.PLAYBACK_UPDATED);
      }
    }
  }

  /** After any command: enough skip votes skip, and with autoPlay an idle jam starts its queue. */
  static void settle(Draft d) {
    Jam view = d.snapshotJam(d.base.rev());
    if (d.current != null && view.skipCount() > 0 && view.skipCount() >= view.skipNeeded()) {
      advance(d);
    }
    if (d.current == null && d.settings.autoPlay() && !d.queue.isEmpty()) {
      advance(d);
    }
  }

  /** The current song goes to history and the top of the queue plays from 0. */
  static void advance(Draft d) {
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
    d.playback = d.current == null ? Playback.stopped(d.now) : Playback.scheduled(0, d.now);
    d.skipVotes.clear();
    d.lastActivity = d.now;
    d.event(EventType.NOW_PLAYING);
  }
}
