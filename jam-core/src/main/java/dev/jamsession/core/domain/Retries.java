package dev.jamsession.core.domain;

import static dev.jamsession.core.protocol.ErrorCode.NOT_JOINED;

import dev.jamsession.core.protocol.JamException;
import java.util.Map;

/**
 * At-most-once requests (PROTOCOL §9 requestId): a jam remembers, per participant (or joining
 * connection), the last {@link Jam#REQUESTS_KEPT_PER_OWNER} requests that changed it, so one
 * participant's requests never push another's out; a retry is answered from the jam as it is.
 */
final class Retries {
  private Retries() {}

  /** Remembers a request that changed the jam, forgetting its owner's oldest beyond the limit. */
  static void remember(Draft d, Command.Tracked t) {
    String ref = refOf(d, t.command());
    if (t.command().kind() == Command.Kind.JOIN) {
      // One join remembered per participant (only joins refer to a participant), so
      // reconnecting often cannot grow the list.
      d.applied = d.applied.without(a -> a.ref() != null && a.ref().equals(ref));
    }
    long rev = d.nextRev() > d.base.rev() ? d.nextRev() : 0;
    d.applied = d.applied.with(new Jam.AppliedRequest(t.owner(), t.requestId(), ref, rev),
        Jam.REQUESTS_KEPT_PER_OWNER);
    d.changed();
  }

  /** A participant who is gone takes their remembered requests (and their joins) along. */
  static void forget(Draft d, String participantId) {
    d.applied = d.applied.without(a -> a.owner().equals(participantId) || participantId.equals(a.ref()));
  }

  /** What a retried request's reply refers to: the participant who joined, the item added or voted. */
  private static String refOf(Draft d, Command command) {
    return switch (command.kind()) {
      case JOIN -> {
        Command.Join c = (Command.Join) command;
        int i = d.indexOfLiveConnection(c.connectionId());
        yield i < 0 ? null : d.participants.get(i).id();
      }
      case ADD_TO_QUEUE -> {
        String songId = ((Command.AddToQueue) command).song().id();
        yield d.queue.stream().filter(i -> i.song().id().equals(songId)).map(QueueItem::id)
            .findFirst().orElse(d.current != null ? d.current.id() : null);
      }
      case VOTE -> ((Command.Vote) command).itemId();
      case QUEUE_PLAYLIST -> d.resultRef; // "added/skipped"
      default -> null;
    };
  }

  /** The reply a request already applied gets again, rendered from the jam as it is now. */
  static Map<String, Object> replay(Jam jam, Command command, Jam.AppliedRequest done, long now) {
    Reply reply = switch (command.kind()) {
      case JOIN -> {
        if (done.ref() == null || jam.participant(done.ref()).isEmpty()) {
          throw new JamException(NOT_JOINED, "Join the jam first");
        }
        yield Reply.snapshotFor(done.ref(), now);
      }
      case ADD_TO_QUEUE, VOTE -> QueueRules.itemReply(done.ref());
      case PLAY_NEXT -> Reply.of("current", j -> Views.item(j.current()));
      case PLAYBACK_UPDATE -> PlaybackRules.playbackReply();
      case VOTE_SKIP -> PlaybackRules.skipVotesReply();
      case UPDATE_SETTINGS -> SettingsRules.settingsReply();
      case QUEUE_PLAYLIST -> {
        String[] counts = done.ref() == null ? new String[] {"0", "0"} : done.ref().split("/");
        yield QueueRules.countsReply(Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
      }
      default -> Reply.EMPTY;
    };
    Map<String, Object> data = reply.render(jam);
    return done.rev() > 0 ? Reply.withRev(data, done.rev()) : data;
  }
}
