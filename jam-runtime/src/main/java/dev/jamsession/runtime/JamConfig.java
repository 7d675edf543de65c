package dev.jamsession.runtime;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Configuration from environment variables (docs/ARCHITECTURE.md, "Configuration is environment
 * variables"). Every value is checked at start-up; a bad one stops the service with a message
 * naming the variable.
 */
public record JamConfig(
    int port,
    String host,
    int managementPort,
    List<String> allowedOrigins,
    long sessionTimeoutMs,
    int maxQueueSize,
    long cleanupIntervalMs,
    long disconnectGraceMs,
    long tickIntervalMs,
    String adminToken,
    HttpLimits httpLimits,
    int socketRateLimit,
    long socketRateWindowMs,
    int socketIpRateLimit,
    int socketsPerIp,
    int socketsMax,
    long pingTimeoutMs,
    long internalTimeoutMs,
    int sessionMaxInFlight,
    boolean trustProxy,
    List<Cidr> trustedProxies,
    ClusterSettings cluster,
    Map<String, String> env) {

  /** Not printed: the token, and the environment it came from (which may hold other secrets). */
  private static final Set<String> SECRET = Set.of("adminToken", "env");

  /**
   * {@code env} stays for the modules that read their own variables from it (TLS, the public
   * URL, playlists); a log line of the configuration never shows it.
   */
  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "JamConfig[", "]");
    for (RecordComponent c : JamConfig.class.getRecordComponents()) {
      try {
        out.add(c.getName() + "=" + (SECRET.contains(c.getName()) ? "(hidden)" : c.getAccessor().invoke(this)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out.toString();
  }

  public static JamConfig fromEnv(Map<String, String> env) {
    Vars v = new Vars(env);
    String logFormat = v.string("LOG_FORMAT", "text");
    if (!logFormat.equals("text") && !logFormat.equals("json")) {
      throw new IllegalArgumentException("LOG_FORMAT must be text or json, got '" + logFormat + "'");
    }
    return new JamConfig(
        v.integer("PORT", 4000, 0, 65535),
        v.string("HOST", "0.0.0.0"),
        v.integer("MANAGEMENT_PORT", 9100, 0, 65535),
        v.list("ALLOWED_ORIGINS"),
        v.duration("SESSION_TIMEOUT", 1_800_000),
        v.integer("MAX_QUEUE_SIZE", 50, 1, 200),
        v.duration("CLEANUP_INTERVAL", 300_000),
        v.duration("DISCONNECT_GRACE", 30_000),
        v.duration("TICK_INTERVAL", 250),
        v.string("ADMIN_TOKEN", null),
        HttpLimits.fromEnv(v),
        v.integer("WS_RATE_LIMIT_MAX", 120, 1, 1_000_000),
        v.duration("WS_RATE_LIMIT_WINDOW", 10_000),
        v.integer("WS_IP_RATE_LIMIT_MAX", 3_000, 1, 10_000_000),
        v.integer("WS_MAX_PER_IP", 200, 1, 1_000_000),
        v.integer("WS_MAX_CONNECTIONS", 50_000, 1, 1_000_000),
        v.duration("PING_TIMEOUT", 20_000),
        v.duration("INTERNAL_TIMEOUT", 3_000),
        v.integer("SESSION_MAX_IN_FLIGHT", 1_024, 1, 1_000_000),
        v.bool("TRUST_PROXY", false),
        trustedProxies(v, v.bool("TRUST_PROXY", false)),
        ClusterSettings.fromEnv(v),
        Map.copyOf(env));
  }

  /**
   * TRUSTED_PROXIES: the load balancers whose X-Forwarded-For is believed, as addresses or
   * CIDRs; loopback when TRUST_PROXY is on and none are named; none when it is off.
   */
  private static List<Cidr> trustedProxies(Vars v, boolean trustProxy) {
    List<String> named = v.list("TRUSTED_PROXIES");
    if (!trustProxy) {
      if (!named.isEmpty()) {
        throw new IllegalArgumentException("TRUSTED_PROXIES is set but TRUST_PROXY is not true");
      }
      return List.of();
    }
    if (named.isEmpty()) {
      return List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1"));
    }
    return named.stream().map(p -> {
      try {
        return Cidr.parse(p);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("TRUSTED_PROXIES: " + e.getMessage());
      }
    }).toList();
  }

  /** Typed reads of environment variables; errors name the variable. */
  public static final class Vars {
    private final Map<String, String> env;

    public Vars(Map<String, String> env) {
      this.env = env;
    }

    private String raw(String name) {
      String value = env.get(name);
      return value == null || value.isBlank() ? null : value.strip();
    }

    public String string(String name, String fallback) {
      String value = raw(name);
      return value == null ? fallback : value;
    }

    public int integer(String name, int fallback, int min, int max) {
      String value = raw(name);
      if (value == null) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(value);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new IllegalArgumentException(
          name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    /** Milliseconds, at least 1. */
    public long duration(String name, long fallback) {
      String value = raw(name);
      if (value == null) {
        return fallback;
      }
      try {
        long n = Long.parseLong(value);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new IllegalArgumentException(
          name + " must be a positive number of milliseconds, got '" + value + "'");
    }

    public boolean bool(String name, boolean fallback) {
      String value = raw(name);
      if (value == null) {
        return fallback;
      }
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(value);
      }
      throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    }

    public List<String> list(String name) {
      String value = raw(name);
      return value == null ? List.of()
          : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }
}
