package dev.jamsession.core.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh randomness: host tokens and session codes when a jam is created, and command seeds. */
public final class SecureIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private SecureIds() {}

  /** A 6-character session code of [A-Z0-9]. */
  public static String sessionCode() {
    StringBuilder sb = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return sb.toString();
  }

  /** An unguessable bearer secret of 192 random bits. */
  public static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A seed for {@link DerivedIds}: drawn before a command is submitted, carried with it. */
  public static byte[] seed() {
    byte[] seed = new byte[DerivedIds.SEED_BYTES];
    RANDOM.nextBytes(seed);
    return seed;
  }
}
