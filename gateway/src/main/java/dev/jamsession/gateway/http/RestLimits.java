package dev.jamsession.gateway.http;

import dev.jamsession.gateway.RateLimiter;
import dev.jamsession.runtime.HttpLimits;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The REST limits of issue 11 by endpoint class (reads and search, writes such as jam creation,
 * audio), each with a budget per client (cookie) and a ceiling per address. A client is
 * checked first and a refused request spends nothing of its address's ceiling, so one phone
 * flooding a room's shared NAT address runs out long before the others notice.
 */
public final class RestLimits {

  private final ClientAddress addresses;
  private final ClientIds clientIds = new ClientIds();
  private final Bucket reads;
  private final Bucket writes;
  private final Bucket audio;

  public RestLimits(HttpLimits limits, ClientAddress addresses) {
    this.addresses = addresses;
    this.reads = new Bucket(limits.reads());
    this.writes = new Bucket(limits.writes());
    this.audio = new Bucket(limits.audio());
  }

  public void handle(RoutingContext ctx) {
    String ip = addresses.of(ctx.request().remoteAddress(), ctx.request().headers());
    Bucket bucket = bucketOf(ctx);
    String client = clientIds.known(ctx);
    if (client == null && bucket != audio) {
      clientIds.issue(ctx); // not on audio: its answers are publicly cacheable
    }
    long waitMs = bucket.acquire(client == null ? "anonymous@" + ip : client, ip, System.currentTimeMillis());
    if (waitMs > 0) {
      HttpReplies.rateLimited(ctx, waitMs);
    } else {
      ctx.next();
    }
  }

  private Bucket bucketOf(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (ctx.request().path().endsWith("/audio")) {
      return audio; // an audio element issues many range requests per song
    }
    // Creating jams is what is strict; editing a playlist (a drag is a PUT) is as cheap as a read.
    return method == HttpMethod.POST && ctx.request().path().startsWith("/api/jam/") ? writes : reads;
  }

  /** One endpoint class: per-client windows and per-address windows. */
  private static final class Bucket {
    private final RateLimiter perClient;
    private final RateLimiter perAddress;

    Bucket(HttpLimits.RateLimit limit) {
      perClient = new RateLimiter(limit.perClient(), limit.windowMs());
      perAddress = new RateLimiter(limit.perAddress(), limit.windowMs());
    }

    long acquire(String client, String ip, long now) {
      long wait = perClient.acquire(client, now);
      return wait > 0 ? wait : perAddress.acquire(ip, now);
    }
  }
}
