package dev.jamsession.playlists;

import dev.jamsession.core.domain.SecureIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A playlist's edit token: a bearer secret of 192 random bits, stored only as its SHA-256, so
 * a copy of the database grants no edits; checked in constant time.
 */
final class EditTokens {
  private EditTokens() {}

  static String create() {
    return SecureIds.token();
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Whether {@code presented} (null when absent) is the token whose hash is stored. */
  static boolean matches(String presented, String storedHash) {
    return presented != null && MessageDigest.isEqual(
        hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
