package dev.jamsession.core.domain;

import static dev.jamsession.core.protocol.ErrorCode.NOT_FOUND;

import dev.jamsession.core.domain.Command.Tracked;
import dev.jamsession.core.domain.Command.Via;
import dev.jamsession.core.protocol.JamException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a jam: (state, command, now) to (new state, events, reply). Pure and
 * deterministic given its {@link Ids}, so it runs unchanged inside a Hazelcast EntryProcessor
 * (on the owner and again on the backup) and in plain unit tests. Checks run in the order of
 * PROTOCOL §8: membership, shape, permission, state. The rules themselves live by concern in
 * {@link Membership}, {@link QueueRules}, {@link PlaybackRules}, {@link SettingsRules},
 * {@link AutofillRule}, {@link Reactions} and {@link Retries}.
 */
public final class JamEngine {
  private final Ids ids;

  public JamEngine(Ids ids) {
    this.ids = ids;
  }

  public Outcome apply(Jam jam, Command command, long now) {
    return run(jam, command, now, true);
  }

  /**
   * {@link #apply} without rendering events or the reply (the outcome has neither): the same
   * state, which is all a backup replica needs when it runs the command again. Throws the same
   * refusals.
   */
  public Outcome applyWithoutRendering(Jam jam, Command command, long now) {
    return run(jam, command, now, false);
  }

  private Outcome run(Jam jam, Command command, long now, boolean render) {
    String via = command instanceof Via v ? v.connectionId() : null;
    Command outer = command instanceof Via v ? v.command() : command;
    Tracked tracked = outer instanceof Tracked t ? t : null;
    Command inner = Command.unwrapped(command);
    if (jam == null) {
      if (isSystem(inner)) {
        return new Outcome(null, false, false, List.of(), Map.of()); // already gone: nothing happened
      }
      throw new JamException(NOT_FOUND, "This jam has ended or does not exist");
    }
    if (tracked != null) {
      Optional<Jam.AppliedRequest> done = jam.applied(tracked.owner(), tracked.requestId());
      if (done.isPresent()) {
        return new Outcome(jam, false, false, List.of(),
            render ? Retries.replay(jam, inner, done.get(), now) : Map.of());
      }
    }
    Draft d = new Draft(jam, now, ids, via);
    Reply reply = dispatch(d, inner);
    if (!d.isEnded()) {
      Membership.ensureHost(d);
      PlaybackRules.settle(d);
      if (tracked != null && d.isChanged()) {
        Retries.remember(d, tracked);
      }
    }
    return render ? d.finish(reply) : d.finishState();
  }

  private static boolean isSystem(Command command) {
    return switch (command.kind()) {
      case TICK, EXPIRE, DISCONNECT, GATEWAY_LOST, AUTOFILL -> true;
      default -> false;
    };
  }

  /** One line per command; the switch covers every kind, so a new command must be handled here. */
  private static Reply dispatch(Draft d, Command command) {
    return switch (command.kind()) {
      case VIA -> dispatch(d, ((Via) command).command());
      case TRACKED -> dispatch(d, ((Tracked) command).command());
      case INVALID -> {
        Command.Invalid c = (Command.Invalid) command;
        Membership.member(d, c.actor()); // membership is checked before shape
        throw Input.invalid(c.message());
      }
      case JOIN -> Membership.join(d, (Command.Join) command);
      case LEAVE -> Membership.leave(d, ((Command.Leave) command).actor());
      case KICK -> Membership.kick(d, (Command.Kick) command);
      case TRANSFER_HOST -> Membership.transferHost(d, (Command.TransferHost) command);
      case DISCONNECT -> Membership.disconnect(d, (Command.Disconnect) command);
      case GATEWAY_LOST -> Membership.gatewayLost(d, (Command.GatewayLost) command);
      case ADD_TO_QUEUE -> QueueRules.add(d, (Command.AddToQueue) command);
      case QUEUE_PLAYLIST -> QueueRules.queuePlaylist(d, (Command.QueuePlaylist) command);
      case VOTE -> QueueRules.vote(d, (Command.Vote) command);
      case REMOVE_FROM_QUEUE -> QueueRules.remove(d, (Command.RemoveFromQueue) command);
      case AUTOFILL -> AutofillRule.apply(d, (Command.Autofill) command);
      case PLAY_NEXT -> PlaybackRules.playNext(d, ((Command.PlayNext) command).actor());
      case PLAYBACK_UPDATE -> PlaybackRules.playback(d, (Command.PlaybackUpdate) command);
      case VOTE_SKIP -> PlaybackRules.voteSkip(d, (Command.VoteSkip) command);
      case UPDATE_SETTINGS -> SettingsRules.update(d, (Command.UpdateSettings) command);
      case END_SESSION -> SettingsRules.end(d, ((Command.EndSession) command).actor());
      case EXPIRE -> SettingsRules.expire(d, (Command.Expire) command);
      case SNAPSHOT -> Reply.snapshotFor(Membership.member(d, ((Command.Snapshot) command).actor()).id(), d.now);
      case REACT -> Reactions.react(d, (Command.React) command);
      case WATCH -> Reply.screenSnapshot(d.now);
      case TICK -> {
        Membership.expireGrace(d, ((Command.Tick) command).graceMs());
        PlaybackRules.songEnded(d);
        yield Reply.EMPTY;
      }
    };
  }
}
