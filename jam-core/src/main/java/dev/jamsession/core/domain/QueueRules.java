package dev.jamsession.core.domain;

import static dev.jamsession.core.protocol.ErrorCode.DUPLICATE_SONG;
import static dev.jamsession.core.protocol.ErrorCode.ITEM_NOT_FOUND;
import static dev.jamsession.core.protocol.ErrorCode.NOT_FOUND;
import static dev.jamsession.core.protocol.ErrorCode.NOT_OWNER;
import static dev.jamsession.core.protocol.ErrorCode.QUEUE_FULL;
import static dev.jamsession.core.protocol.ErrorCode.UNKNOWN_SONG;
import static dev.jamsession.core.protocol.ErrorCode.VOTING_DISABLED;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.Command.AddToQueue;
import dev.jamsession.core.domain.Command.QueuePlaylist;
import dev.jamsession.core.domain.Command.RemoveFromQueue;
import dev.jamsession.core.domain.Command.Vote;
import dev.jamsession.core.protocol.JamException;
import java.util.Map;

/** The queue and its votes: adding, voting, removing (PROTOCOL §4's queue rules). */
final class QueueRules {
  private QueueRules() {}

  /**
   * Checks in the order of PROTOCOL §8: membership, guestsCanAdd (permission), the song, then
   * the state: a full queue, the adder's limit, a duplicate, the rules about the song (§11).
   */
  static Reply add(Draft d, AddToQueue c) {
    Participant actor = Membership.member(d, c.actor());
    PartyRules.requireMayAdd(d, actor);
    if (c.song() == null) {
      throw new JamException(UNKNOWN_SONG, "That song is not in the catalog");
    }
    if (d.queue.size() >= d.settings.maxQueueSize()) {
      throw new JamException(QUEUE_FULL, "The queue is full (" + d.settings.maxQueueSize() + " songs)");
    }
    PartyRules.requireRoomFor(d, actor);
    if (isQueuedOrPlaying(d, c.song().id())) {
      throw new JamException(DUPLICATE_SONG, "That song is already playing or queued");
    }
    d.settings.songRules().requireAllowed(c.song());
    QueueItem item = PartyRules.newItem(d, actor.id(), c.song());
    d.queue.add(item);
    d.queueChanged();
    return itemReply(item.id());
  }

  /**
   * jam.queue-playlist (PROTOCOL §13): the playlist's songs in order, as the host's items and not
   * limited per person, until the queue is full. Passed over (and counted as skipped): songs
   * already queued or playing (an earlier entry of the same playlist included), songs the
   * catalog no longer has and songs the jam's rules refuse (§11). Checks: membership, host, the
   * playlist, then a queue already full. One queue-updated for the lot; data {added, skipped}.
   */
  static Reply queuePlaylist(Draft d, QueuePlaylist c) {
    Participant actor = Membership.member(d, c.actor());
    Membership.requireHost(d, actor, "Only the host can queue a playlist");
    if (c.songs() == null) {
      throw new JamException(NOT_FOUND, "There is no such playlist");
    }
    int max = d.settings.maxQueueSize();
    if (d.queue.size() >= max) {
      throw new JamException(QUEUE_FULL, "The queue is full (" + max + " songs)");
    }
    SongRules rules = d.settings.songRules();
    int added = 0;
    int skipped = 0;
    for (Song song : c.songs()) {
      if (d.queue.size() >= max) {
        break;
      }
      if (song == null || isQueuedOrPlaying(d, song.id()) || !rules.allows(song)) {
        skipped++;
        continue;
      }
      d.queue.add(PartyRules.newItem(d, actor.id(), song));
      added++;
    }
    if (added > 0) {
      d.queueChanged();
    }
    d.resultRef = added + "/" + skipped;
    return countsReply(added, skipped);
  }

  /** {added, skipped} of a queued playlist. */
  static Reply countsReply(int added, int skipped) {
    return jam -> {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("added", added);
      m.put("skipped", skipped);
      return m;
    };
  }

  static Reply vote(Draft d, Vote c) {
    Participant actor = Membership.member(d, c.actor());
    if (!d.settings.allowVoting()) {
      throw new JamException(VOTING_DISABLED, "The host has turned voting off");
    }
    int i = requireItem(d, c.itemId());
    QueueItem before = d.queue.get(i);
    Integer old = before.votes().get(actor.id());
    if ((old == null ? 0 : old) != c.value()) {
      d.queue.set(i, before.withVote(actor.id(), c.value()));
      d.queueChanged();
    }
    return itemReply(c.itemId());
  }

  static Reply remove(Draft d, RemoveFromQueue c) {
    Participant actor = Membership.member(d, c.actor());
    int i = requireItem(d, c.itemId());
    if (!actor.id().equals(d.hostId) && !actor.id().equals(d.queue.get(i).addedById())) {
      throw new JamException(NOT_OWNER, "Only the person who added a song, or the host, can remove it");
    }
    d.queue.remove(i);
    d.queueChanged();
    return Reply.EMPTY;
  }

  /** {item}: the item as it is now, in the queue or playing (null once gone). */
  static Reply itemReply(String itemId) {
    return Reply.of("item", jam -> Views.item(findAnywhere(jam, itemId)));
  }

  static boolean isQueuedOrPlaying(Draft d, String songId) {
    return (d.current != null && d.current.song().id().equals(songId))
        || d.queue.stream().anyMatch(i -> i.song().id().equals(songId));
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
}
