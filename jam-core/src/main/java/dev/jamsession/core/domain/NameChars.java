package dev.jamsession.core.domain;

/**
 * The character rules of a name (PROTOCOL §9): what a person sees must be what the name is, so
 * no name looks blank, hides text, breaks lines or smears over its neighbours.
 */
final class NameChars {
  private NameChars() {}

  static final int MAX_STACKED_MARKS = 2;

  /** Blank-looking letters and symbols that Unicode does not class as spaces. */
  private static final int[] FILLERS = {0x115F, 0x1160, 0x2800, 0x3164, 0xFFA0};

  /** Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt), inclusive. */
  private static final int[][] DEFAULT_IGNORABLE = {
      {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
      {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
      {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
      {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};

  /** Throws INVALID_INPUT with a sentence naming what is wrong with {@code name}. */
  static void check(String name) {
    boolean visible = false;
    int stacked = 0;
    int previous = -1;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
        throw Input.invalid("A name cannot contain control characters or line breaks");
      }
      if (isFiller(cp) || type == Character.FORMAT
          || (isDefaultIgnorable(cp) && !isEmojiPresentation(cp, previous))) {
        throw Input.invalid("A name cannot contain invisible or blank-looking characters");
      }
      boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
      stacked = mark ? stacked + 1 : 0;
      if (stacked > MAX_STACKED_MARKS) {
        throw Input.invalid("A name cannot stack more than " + MAX_STACKED_MARKS
            + " accents or marks on one character");
      }
      visible |= !mark && isVisible(type);
      previous = cp;
    }
    if (!visible) {
      throw Input.invalid("A name needs at least one visible letter, digit or symbol");
    }
  }

  /**
   * VS15/VS16 right after a visible character only choose text or emoji style (phones type
   * "❤️" as U+2764 U+FE0F), so they are the one default-ignorable a name may hold.
   */
  private static boolean isEmojiPresentation(int cp, int previous) {
    return (cp == 0xFE0E || cp == 0xFE0F) && previous >= 0 && isVisible(Character.getType(previous))
        && !isDefaultIgnorable(previous);
  }

  private static boolean isVisible(int type) {
    return switch (type) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
           Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
           Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.MATH_SYMBOL,
           Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
           Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
           Character.START_PUNCTUATION, Character.END_PUNCTUATION,
           Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
           Character.OTHER_PUNCTUATION, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
      default -> false;
    };
  }

  private static boolean isFiller(int cp) {
    for (int f : FILLERS) {
      if (cp == f) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDefaultIgnorable(int cp) {
    for (int[] range : DEFAULT_IGNORABLE) {
      if (cp >= range[0] && cp <= range[1]) {
        return true;
      }
    }
    return false;
  }
}
