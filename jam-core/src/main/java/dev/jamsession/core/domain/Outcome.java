package dev.jamsession.core.domain;

import java.util.List;
import java.util.Map;

/**
 * What a command did: the jam after it ({@code null} once it has ended), whether anything
 * changed, the events to publish and the {@code data} of the success reply (with {@code rev}
 * when the command made a new revision).
 */
public record Outcome(Jam jam, boolean changed, boolean ended, List<JamEvent> events,
                      Map<String, Object> reply) {}
