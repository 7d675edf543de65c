package dev.jamsession.session;

import com.hazelcast.map.EntryProcessor;
import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.Ids;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.JamEngine;
import dev.jamsession.core.domain.Outcome;
import dev.jamsession.core.protocol.JamException;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one command of the domain on the partition owner of a jam: the single writer per jam,
 * without locks of our own. The backup replica is given the resulting state rather than
 * re-running the command, because the engine draws random ids and reads the clock.
 */
final class JamProcessor implements EntryProcessor<String, Jam, JamProcessor.Result> {
  private static final JamEngine ENGINE = new JamEngine(Ids.SECURE);

  /** An outcome, or the refusal the engine raised. */
  record Result(Outcome outcome, JamException refusal) implements java.io.Serializable {}

  private final Command command;
  private transient Map<String, Jam> updates;

  JamProcessor(Command command) {
    this.command = command;
  }

  @Override
  public Result process(Map.Entry<String, Jam> entry) {
    try {
      Outcome outcome = ENGINE.apply(entry.getValue(), command, System.currentTimeMillis());
      if (outcome.changed()) {
        entry.setValue(outcome.jam()); // null removes an ended jam
        if (updates == null) {
          updates = new HashMap<>();
        }
        updates.put(entry.getKey(), outcome.jam());
        return new Result(outcome.withoutState(), null);
      }
      // Nothing to tell the caller of a no-op tick: keeps the ticker's result maps small.
      return command instanceof Command.Tick || command instanceof Command.GatewayLost
          ? null : new Result(outcome.withoutState(), null);
    } catch (JamException e) {
      return new Result(null, e);
    }
  }

  @Override
  public EntryProcessor<String, Jam, Result> getBackupProcessor() {
    return updates == null ? null : new ApplyState(updates);
  }

  /** Writes on the backup exactly what the owner wrote. */
  private record ApplyState(Map<String, Jam> states) implements EntryProcessor<String, Jam, Result> {
    @Override
    public Result process(Map.Entry<String, Jam> entry) {
      if (states.containsKey(entry.getKey())) {
        entry.setValue(states.get(entry.getKey()));
      }
      return null;
    }

    @Override
    public EntryProcessor<String, Jam, Result> getBackupProcessor() {
      return null;
    }
  }
}
