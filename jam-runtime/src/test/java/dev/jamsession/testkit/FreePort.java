package dev.jamsession.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A free TCP port on loopback, for a server a test is about to start on it: tests never bind
 * fixed ports, so they pass while an app runs on the defaults. JDK only, so the system tests can
 * use it without the rest of the testkit's dependencies.
 */
public final class FreePort {
  private FreePort() {}

  public static int loopback() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
