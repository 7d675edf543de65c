package dev.jamsession.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ids and tokens derived from a random seed drawn once per command (SHA-256 of seed, jam code
 * and a counter), so the same command run again with the same seed, as a backup replica does,
 * makes exactly the same ids. With a seed of 256 random bits every token keeps well over 128
 * bits nobody can guess.
 */
public final class DerivedIds implements Ids {
  /** Seed length in bytes. */
  public static final int SEED_BYTES = 32;

  private final byte[] seed;
  private final byte[] key;
  private int counter;

  public DerivedIds(byte[] seed, String key) {
    if (seed.length < SEED_BYTES) {
      throw new IllegalArgumentException("seed must have " + SEED_BYTES + " bytes");
    }
    this.seed = seed;
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String id(String prefix) {
    return prefix + HexFormat.of().formatHex(next(), 0, 8);
  }

  @Override
  public String token() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(next(), 24));
  }

  private byte[] next() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(seed);
      sha.update(key);
      int n = counter++;
      sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
