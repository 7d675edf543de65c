package dev.jamsession.core.domain;

import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Shape checks of PROTOCOL §8 on a decoded JSON body; each failure is INVALID_INPUT. */
public final class Input {
  private Input() {}

  public static final int MAX_NAME_CODE_POINTS = 20;
  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{6}");
  private static final int MAX_ID_LENGTH = 64;

  public static JamException invalid(String message) {
    return new JamException(ErrorCode.INVALID_INPUT, message);
  }

  /**
   * A command's body (PROTOCOL §8): a JSON object; absent or null counts as {}; any other value
   * (a string, number, array, boolean) is INVALID_INPUT.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> body(Object raw) {
    if (raw == null) {
      return Map.of();
    }
    if (raw instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw invalid("The body of a command must be a JSON object");
  }

  /**
   * A user or host name (PROTOCOL §8, §9): trimmed and NFC-normalised, 1..20 code points, with
   * at least one visible letter, digit, symbol or punctuation mark, and nothing that renders as
   * blank or hides text: no control, format, line or paragraph separator, default-ignorable or
   * filler code points, and no more than 2 combining marks stacked on one character (NFD).
   */
  public static String name(Object raw, String field) {
    return name(raw, field, MAX_NAME_CODE_POINTS);
  }

  /** A name under the rules of §8 with another length limit (a playlist's is 60, §13). */
  public static String name(Object raw, String field, int maxCodePoints) {
    if (!(raw instanceof String s)) {
      throw invalid("Please enter a name (" + field + ")");
    }
    String trimmed = Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    int count = trimmed.codePointCount(0, trimmed.length());
    if (count < 1 || count > maxCodePoints) {
      throw invalid("A name must be 1 to " + maxCodePoints + " characters long");
    }
    // Decomposed, so marks count the same whether typed precomposed or not.
    NameChars.check(Normalizer.normalize(trimmed, Normalizer.Form.NFD));
    return trimmed;
  }

  /** A session code as typed by a person: upper-cased, then exactly six of [A-Z0-9]. */
  public static String code(Object raw) {
    if (raw instanceof String s) {
      String upper = s.strip().toUpperCase(Locale.ROOT);
      if (CODE.matcher(upper).matches()) {
        return upper;
      }
    }
    throw invalid("A session code is 6 letters or digits");
  }

  /** A required identifier (song, item or participant id). */
  public static String id(Map<String, Object> body, String field) {
    Object v = body.get(field);
    if (!(v instanceof String s) || s.isEmpty() || s.length() > MAX_ID_LENGTH) {
      throw invalid(field + " must be a non-empty string");
    }
    return s;
  }

  /** An optional opaque token; absent or null gives null. */
  public static String optionalToken(Map<String, Object> body, String field) {
    Object v = body.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || s.isEmpty() || s.length() > 128) {
      throw invalid(field + " must be a string");
    }
    return s;
  }

  public static boolean bool(Object v, String field) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw invalid(field + " must be true or false");
  }

  /** A whole number (JSON numbers like 3.0 are accepted, 3.5 is not). */
  public static long integer(Object v, String field, long min, long max) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && d >= min && d <= max) {
        return (long) d;
      }
    }
    throw invalid(field + " must be a whole number from " + min + " to " + max);
  }

  public static double number(Object v, String field) {
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw invalid(field + " must be a number");
  }
}
