package dev.jamsession.runtime.jam;

import dev.jamsession.core.domain.Outcome;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.List;

/**
 * What a command did, as the caller on any member receives it: whether it changed or ended the
 * jam, the reply's data and the events, both encoded to JSON where the command ran; or the
 * refusal (a §3 code and its sentence).
 */
public record CommandResult(boolean changed, boolean ended, byte[] reply, List<EncodedEvent> events,
                            ErrorCode refusal, String refusalMessage) {

  public static CommandResult of(Outcome outcome) {
    return new CommandResult(outcome.changed(), outcome.ended(), JamJson.encode(outcome.reply()),
        outcome.events().stream().map(EncodedEvent::of).toList(), null, null);
  }

  public static CommandResult refused(JamException e) {
    return new CommandResult(false, false, null, List.of(), e.code(), e.getMessage());
  }

  public boolean isRefused() {
    return refusal != null;
  }

  public JamException refusalException() {
    return new JamException(refusal, refusalMessage);
  }
}
