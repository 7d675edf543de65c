package dev.jamsession.runtime.jam;

import com.hazelcast.map.EntryProcessor;
import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.DerivedIds;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.JamEngine;
import dev.jamsession.core.domain.Outcome;
import dev.jamsession.core.domain.SecureIds;
import dev.jamsession.core.protocol.JamException;
import java.util.Map;

/**
 * Runs one command of the domain on the partition owner of a jam: the single writer per jam,
 * without locks of our own (docs/ARCHITECTURE.md, "Jam state and its single writer"). Stateless
 * and deterministic: it carries the command, the time and a random seed drawn before submission
 * (the engine's ids and tokens derive from it and the jam's code), so the backup replica runs the
 * very same command and reaches the very same state. Nothing is written to a field in
 * {@link #process}: one instance may serve many partition threads at once (submitToKeys).
 *
 * @param backup true for the copy that runs on the backup replica: it changes the entry alike
 *               but renders and encodes nothing, since nobody reads its result
 */
public record JamProcessor(Command command, long now, byte[] seed, boolean backup)
    implements EntryProcessor<String, Jam, CommandResult> {

  /** A processor for {@code command} at {@code now}, with a fresh seed. */
  public static JamProcessor of(Command command, long now) {
    return new JamProcessor(command, now, SecureIds.seed(), false);
  }

  @Override
  public CommandResult process(Map.Entry<String, Jam> entry) {
    JamEngine engine = new JamEngine(new DerivedIds(seed, entry.getKey()));
    try {
      Outcome outcome = backup
          ? engine.applyWithoutRendering(entry.getValue(), command, now)
          : engine.apply(entry.getValue(), command, now);
      if (outcome.changed()) {
        entry.setValue(outcome.jam()); // null removes an ended jam
      }
      if (backup) {
        return null; // nobody reads a backup's result
      }
      if (!outcome.changed() && isSweep()) {
        return null; // nothing to tell: keeps the ticker's result maps small
      }
      return CommandResult.of(outcome);
    } catch (JamException e) {
      return backup ? null : CommandResult.refused(e);
    }
  }

  private boolean isSweep() {
    return command.kind() == Command.Kind.TICK || command.kind() == Command.Kind.GATEWAY_LOST;
  }

  @Override
  public EntryProcessor<String, Jam, CommandResult> getBackupProcessor() {
    return backup ? null : new JamProcessor(command, now, seed, true);
  }
}
