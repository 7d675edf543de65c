package dev.jamsession.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * PEM files named by environment variables, checked at start-up, so that a missing or wrong one
 * stops the process with a message naming its variable (ServiceLauncher.require).
 */
public final class PemFiles {
  private PemFiles() {}

  /**
   * The values of the variables {@code names}, in order, when all are set; null when none is.
   * Some set and some not is an error naming the first one missing: {@code what} needs them all.
   */
  public static List<String> allOrNone(JamConfig.Vars v, String what, String... names) {
    List<String> values = new ArrayList<>();
    String missing = null;
    for (String name : names) {
      String value = v.string(name, null);
      if (value == null && missing == null) {
        missing = name;
      }
      values.add(value);
    }
    if (missing == null) {
      return values;
    }
    if (values.stream().allMatch(Objects::isNull)) {
      return null;
    }
    throw new IllegalArgumentException(missing + " must be set too: " + what + " needs " + String.join(" and ", names));
  }

  /** Fails unless {@code file} is a readable PEM file holding a {@code kind} (CERTIFICATE, PRIVATE KEY). */
  public static void require(String name, String file, String kind) {
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(name + " must name a readable PEM file, got '" + file + "'");
    }
    if (!text.contains("-----BEGIN ") || !text.contains(kind + "-----")) {
      throw new IllegalArgumentException(name + " must be a PEM file holding a " + kind + ", got '" + file + "'");
    }
  }
}
