package dev.jamsession.gateway.http;

import dev.jamsession.runtime.Cidr;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address for limits and logs. X-Forwarded-For is believed only when the direct
 * peer is a trusted proxy (TRUSTED_PROXIES), and then only from the right: each proxy appends the
 * address it saw, so the rightmost entry that is not one of our proxies is the client; anything
 * left of it was written by the client and is ignored.
 */
public final class ClientAddress {
  private static final String UNKNOWN = "unknown";
  private final List<Cidr> trustedProxies;

  /** {@code trustedProxies}: empty to ignore X-Forwarded-For (TRUST_PROXY off). */
  public ClientAddress(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /** For an HTTP request or a SockJS socket: its {@code remoteAddress()} and {@code headers()}. */
  public String of(SocketAddress remote, MultiMap headers) {
    String peer = remote == null ? null : remote.hostAddress();
    byte[] peerBytes = peer == null ? null : Cidr.literal(peer);
    if (peerBytes == null) {
      return peer == null ? UNKNOWN : peer;
    }
    if (!trusted(peerBytes) || headers == null) {
      return canonical(peerBytes);
    }
    List<String> hops = new ArrayList<>();
    for (String header : headers.getAll("X-Forwarded-For")) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    byte[] client = peerBytes;
    for (int i = hops.size() - 1; i >= 0; i--) {
      byte[] hop = Cidr.literal(withoutPort(hops.get(i)));
      if (hop == null) {
        break; // garbage: what is left of it cannot be trusted either
      }
      client = hop;
      if (!trusted(hop)) {
        break;
      }
    }
    return canonical(client);
  }

  private boolean trusted(byte[] address) {
    for (Cidr c : trustedProxies) {
      if (c.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** "1.2.3.4:5678" and "[::1]:80" as some proxies write them, without the port. */
  private static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end < 0 ? hop : hop.substring(1, end);
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }

  /** One spelling per address, so "::1" and "0:0:0:0:0:0:0:1" share a budget. */
  private static String canonical(byte[] address) {
    try {
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
