package dev.jamsession.core.domain;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a command did: the jam after it ({@code null} once it has ended), whether anything
 * changed, the events to publish ({type, rev, data}) and the {@code data} of the success reply.
 */
public record Outcome(Jam jam, boolean changed, boolean ended, List<Map<String, Object>> events,
                      Map<String, Object> reply) implements Serializable {

  /** This outcome without the jam itself: what a caller on another member needs to be sent. */
  public Outcome withoutState() {
    return new Outcome(null, changed, ended, events, reply);
  }
}
