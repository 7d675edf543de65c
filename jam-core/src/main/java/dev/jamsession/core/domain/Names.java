package dev.jamsession.core.domain;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Participant names within one jam (PROTOCOL §9). */
public final class Names {
  private Names() {}

  /**
   * {@code wanted}, or when another participant already goes by it (ignoring case and
   * compatibility forms such as full-width letters), the first free of "wanted 2", "wanted 3", ...,
   * shortening {@code wanted} so the result stays within {@link Input#MAX_NAME_CODE_POINTS}.
   */
  public static String unique(String wanted, Collection<String> takenNames) {
    Set<String> taken = new HashSet<>();
    takenNames.forEach(n -> taken.add(key(n)));
    if (!taken.contains(key(wanted))) {
      return wanted;
    }
    for (int n = 2; ; n++) {
      String suffix = " " + n;
      String candidate = shorten(wanted, Input.MAX_NAME_CODE_POINTS - suffix.length()) + suffix;
      if (!taken.contains(key(candidate))) {
        return candidate;
      }
    }
  }

  private static String key(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static String shorten(String name, int codePoints) {
    if (name.codePointCount(0, name.length()) <= codePoints) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, codePoints)).stripTrailing();
  }
}
