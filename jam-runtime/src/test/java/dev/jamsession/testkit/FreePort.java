package dev.jamsession.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port on loopback, for a server a test is about to start on it: tests never bind
 * fixed ports, so they pass while an app runs on the defaults. JDK only, so the system tests can
 * use it without the rest of the testkit's dependencies.
 *
 * <p>From below the kernel's ephemeral range: a port from that range (what binding port 0 hands
 * out) can be taken, in the seconds before the service binds it, as the local end of any outgoing
 * connection (a system test's gateway once failed "Address already in use" on a port picked ~40 s
 * earlier). Below the range only a process that binds that very port can take it; none is handed
 * out twice in one JVM.
 */
public final class FreePort {
  private static final int LOWEST = 10_000;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePort() {}

  public static int loopback() {
    int below = ephemeralLow();
    for (int i = 0; i < 1_000; i++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port in " + LOWEST + ".." + (below - 1) + " on loopback");
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first port of Linux's ephemeral range (32768, its default, where it cannot be read). */
  private static int ephemeralLow() {
    int low;
    try {
      // Line by line: a /proc file says its size is 0, and Files.readString then reads one byte.
      String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0);
      low = Integer.parseInt(range.trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      low = 32_768;
    }
    if (low <= LOWEST + 1_000) {
      throw new IllegalStateException("the ephemeral range starts at " + low + ": no room below it for test ports");
    }
    return low;
  }
}
