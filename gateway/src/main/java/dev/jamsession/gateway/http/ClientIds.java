package dev.jamsession.gateway.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A random client id the gateway hands each browser in a cookie, so phones behind one NAT get
 * budgets of their own. The id is signed with a key of this process: a client cannot invent
 * ids, only collect them at the anonymous rate (one per request without a valid cookie).
 */
final class ClientIds {
  static final String COOKIE = "jam_client";
  private static final int MAX_AGE_SECONDS = 365 * 24 * 3600;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();
  private final SecretKeySpec key;

  ClientIds() {
    byte[] k = new byte[32];
    random.nextBytes(k);
    key = new SecretKeySpec(k, "HmacSHA256");
  }

  /** The request's client id when it carries a valid one, else null (the request is anonymous). */
  String known(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie != null && valid(cookie.getValue()) ? cookie.getValue() : null;
  }

  /** Gives the client a new id in the response, for its next requests. */
  void issue(RoutingContext ctx) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    String value = B64.encodeToString(id) + "." + sign(B64.encodeToString(id));
    ctx.response().addCookie(Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX).setMaxAge(MAX_AGE_SECONDS));
  }

  private boolean valid(String value) {
    int dot = value.indexOf('.');
    return dot > 0 && MessageDigest.isEqual(value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
        sign(value.substring(0, dot)).getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] tag = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
      return B64.encodeToString(Arrays.copyOf(tag, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
