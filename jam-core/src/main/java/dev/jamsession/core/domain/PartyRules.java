package dev.jamsession.core.domain;

import static dev.jamsession.core.protocol.ErrorCode.NOT_HOST;
import static dev.jamsession.core.protocol.ErrorCode.PERSON_LIMIT;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.JamException;
import java.util.Map;

/**
 * Who may add songs under the party rules of PROTOCOL §11, and the fair queue's rounds. They bind
 * the host too, except {@code guestsCanAdd}, which is about guests; items added by the
 * recommender count for nobody. The rules about songs themselves are {@link SongRules}.
 */
final class PartyRules {
  private PartyRules() {}

  /** guestsCanAdd off: only the host adds songs (NOT_HOST, a permission: checked before state). */
  static void requireMayAdd(Draft d, Participant actor) {
    if (!d.settings.guestsCanAdd() && !actor.id().equals(d.hostId)) {
      throw new JamException(NOT_HOST, "Only the host can add songs in this jam");
    }
  }

  /** maxSongsPerPerson: the actor's items waiting in the queue (not the one playing) are below it. */
  static void requireRoomFor(Draft d, Participant actor) {
    int limit = d.settings.maxSongsPerPerson();
    if (limit > 0 && queuedBy(d, actor.id()) >= limit) {
      throw new JamException(PERSON_LIMIT, actor.name() + " already has " + limit
          + (limit == 1 ? " song" : " songs") + " queued");
    }
  }

  /** A new item of the participant's, in their next round (fairQueue); counts the song as theirs. */
  static QueueItem newItem(Draft d, String participantId, Song song) {
    int i = d.indexOfParticipant(participantId);
    Participant adder = d.participants.get(i);
    d.participants.set(i, adder.withSongAdded());
    return new QueueItem(d.ids.id("q-"), song, adder.id(), adder.name(), d.now, d.nextSeq++, Map.of(),
        adder.songsAdded());
  }

  private static long queuedBy(Draft d, String participantId) {
    return d.queue.stream().filter(i -> i.addedById().equals(participantId)).count();
  }
}
