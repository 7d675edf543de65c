package dev.jamsession.runtime;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL phones in the room should open: {@code PUBLIC_URL} when set, otherwise this machine's
 * first address another device can reach (not loopback, not a container bridge) with the port
 * the gateway bound. A page opened on localhost shows this one in its QR code and join link.
 */
public final class PublicUrl {

  /** Bridges and tunnels that exist for containers or VMs on this host, not for the room. */
  private static final Pattern VIRTUAL = Pattern.compile(
      "^(docker|br-|veth|virbr|vmnet|vboxnet|cni|flannel|cali|weave|podman|lxc|lxd|tun|tap|zt|tailscale|wg|utun).*");

  /** One address of one interface, as the choice needs it. */
  public record Candidate(String interfaceName, InetAddress address) {}

  private final String configured;
  private final String bindHost;

  private PublicUrl(String configured, String bindHost) {
    this.configured = configured;
    this.bindHost = bindHost;
  }

  /** Reads PUBLIC_URL (an http or https origin) and HOST; a bad PUBLIC_URL names the variable. */
  public static PublicUrl fromEnv(Map<String, String> env) {
    JamConfig.Vars v = new JamConfig.Vars(env);
    String url = v.string("PUBLIC_URL", null);
    return new PublicUrl(url == null ? null : origin(url), v.string("HOST", "0.0.0.0"));
  }

  static String origin(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare
          && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
        return scheme + "://" + uri.getRawAuthority();
      }
    } catch (URISyntaxException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        "PUBLIC_URL must be an http:// or https:// origin such as https://jam.example:4000, got '" + url + "'");
  }

  /** The join origin for a gateway bound to {@code port}; empty when no address can reach it. */
  public Optional<String> resolve(boolean tls, int port) {
    if (configured != null) {
      return Optional.of(configured);
    }
    String scheme = tls ? "https" : "http";
    if (!isWildcard(bindHost)) {
      // Listening on one address: that one, unless it is loopback (then no phone can reach it).
      return isLoopbackName(bindHost) ? Optional.empty() : Optional.of(url(scheme, bindHost, port));
    }
    return choose(interfaces()).map(a -> url(scheme, a.getHostAddress(), port));
  }

  /**
   * The first usable address: interfaces in the order the system lists them, IPv4 before IPv6,
   * loopback, link-local and container bridges left out.
   */
  public static Optional<InetAddress> choose(List<Candidate> candidates) {
    return candidates.stream()
        .filter(c -> !VIRTUAL.matcher(c.interfaceName()).matches())
        .map(Candidate::address)
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress()
            && !a.isMulticastAddress())
        .min(Comparator.comparingInt(a -> a instanceof Inet4Address ? 0 : 1));
  }

  private static List<Candidate> interfaces() {
    List<Candidate> out = new ArrayList<>();
    try {
      for (NetworkInterface ni : NetworkInterface.networkInterfaces().toList()) {
        if (ni.isUp() && !ni.isLoopback() && !ni.isVirtual()) {
          ni.inetAddresses().forEach(a -> out.add(new Candidate(ni.getName(), a)));
        }
      }
    } catch (SocketException e) {
      return List.of();
    }
    return out;
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  private static boolean isLoopbackName(String host) {
    return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }

  private static String url(String scheme, String host, int port) {
    boolean ipv6 = host.contains(":") && !host.startsWith("[");
    String h = ipv6 ? "[" + host.replaceAll("%.*$", "") + "]" : host;
    boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + h + (defaultPort ? "" : ":" + port);
  }
}
