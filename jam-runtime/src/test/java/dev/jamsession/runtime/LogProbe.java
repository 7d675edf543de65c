package dev.jamsession.runtime;

import org.slf4j.LoggerFactory;

/** Logs two lines with the services' logging set-up; {@link LogFormatTest} runs it in a JVM of its own. */
public final class LogProbe {
  private LogProbe() {}

  public static void main(String[] args) {
    LoggerFactory.getLogger("dev.jamsession.session.JamEvents").info("Jam {}: {} joined", "ABC123", "p-1");
    LoggerFactory.getLogger("dev.jamsession.session.SessionVerticle").warn("Jam {}: {} took {} ms", "ABC123", "jam.vote", 120);
  }
}
