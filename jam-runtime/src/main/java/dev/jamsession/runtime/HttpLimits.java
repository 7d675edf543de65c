package dev.jamsession.runtime;

/**
 * The gateway's HTTP limits by endpoint class, sized for a room of phones behind one NAT:
 * each class has its own budget per client (the gateway's client cookie) and a higher ceiling
 * per address.
 */
public record HttpLimits(RateLimit reads, RateLimit writes, RateLimit audio) {

  /** At most {@code perClient} requests per client and {@code perAddress} per IP in each window. */
  public record RateLimit(int perClient, int perAddress, long windowMs) {}

  static HttpLimits fromEnv(JamConfig.Vars v) {
    return new HttpLimits(
        limit(v, "RATE_LIMIT", 300, 10_000, 60_000),
        limit(v, "CREATE_RATE_LIMIT", 10, 30, 60_000), // jam creation and any other write
        limit(v, "AUDIO_RATE_LIMIT", 600, 10_000, 60_000));
  }

  /** {@code <prefix>_MAX} per client, {@code <prefix>_IP_MAX} per address, {@code <prefix>_WINDOW} ms. */
  private static RateLimit limit(JamConfig.Vars v, String prefix, int perClient, int perAddress, long windowMs) {
    int client = v.integer(prefix + "_MAX", perClient, 1, 10_000_000);
    // A raised client budget raises the default ceiling with it.
    RateLimit limit = new RateLimit(client, v.integer(prefix + "_IP_MAX", Math.max(perAddress, client), 1, 100_000_000),
        v.duration(prefix + "_WINDOW", windowMs));
    if (limit.perAddress() < limit.perClient()) {
      throw new IllegalArgumentException(prefix + "_IP_MAX (" + limit.perAddress()
          + ") must be at least " + prefix + "_MAX (" + limit.perClient() + ")");
    }
    return limit;
  }
}
