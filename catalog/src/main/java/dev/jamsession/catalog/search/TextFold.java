package dev.jamsession.catalog.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds text for matching: no case, no accents ("Beyoncé" and "BEYONCE" are equal), and splits
 * it into word tokens. Index and queries both go through here, so they always agree.
 */
public final class TextFold {

  private TextFold() {}

  /** Lower case without marks; letters NFD cannot split (ø, æ, ß...) get their usual spelling. */
  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    if (isAscii(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK) {
        continue;
      }
      appendPlain(out, c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** Word tokens of the folded text; apostrophes join ("Don't" is one token "dont"). */
  public static List<String> tokens(String text) {
    String folded = fold(text);
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (!isApostrophe(c) && word.length() > 0) {
        tokens.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      tokens.add(word.toString());
    }
    return tokens;
  }

  /** The tokens joined by single spaces: "Hip-Hop" and "hip hop" share the key "hip hop". */
  public static String key(String text) {
    return String.join(" ", tokens(text));
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02bc' || c == '`';
  }

  private static void appendPlain(StringBuilder out, char c) {
    switch (c) {
      case 'ø', 'Ø' -> out.append('o');
      case 'æ', 'Æ' -> out.append("ae");
      case 'œ', 'Œ' -> out.append("oe");
      case 'ß' -> out.append("ss");
      case 'ł', 'Ł' -> out.append('l');
      case 'đ', 'Đ', 'ð', 'Ð' -> out.append('d');
      case 'þ', 'Þ' -> out.append("th");
      case 'ı' -> out.append('i');
      default -> out.append(c);
    }
  }
}
