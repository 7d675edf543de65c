package dev.jamsession.core.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Server-generated identifiers and secrets. */
public interface Ids {
  /** A short unique id with a prefix, such as "p-" for participants or "q-" for queue items. */
  String id(String prefix);

  /** An unguessable bearer secret of at least 128 random bits. */
  String token();

  /** A 6-character session code of [A-Z0-9]. */
  String sessionCode();

  Ids SECURE = new Ids() {
    private final SecureRandom random = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    @Override
    public String id(String prefix) {
      byte[] bytes = new byte[8];
      random.nextBytes(bytes);
      return prefix + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String token() {
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String sessionCode() {
      StringBuilder sb = new StringBuilder(6);
      for (int i = 0; i < 6; i++) {
        sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
      }
      return sb.toString();
    }
  };
}
