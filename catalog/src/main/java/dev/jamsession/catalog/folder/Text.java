package dev.jamsession.catalog.folder;

/** Tidies text from tags and file names: no control characters, single spaces, bounded. */
final class Text {

  private static final int MAX = 300;

  private Text() {}

  /** The tidied text, or null when nothing is left. */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(value.length());
    boolean space = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    String s = out.length() > MAX ? out.substring(0, MAX) : out.toString();
    return s.isEmpty() ? null : s;
  }
}
