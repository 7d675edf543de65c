package dev.jamsession.gateway.bridge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps on open bridge sockets, per client address and for the whole node (shared by its event
 * loops): a client cannot hold the gateway's memory with sockets that only ping.
 */
public final class SocketCaps {
  private final int perAddress;
  private final int total;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();

  public SocketCaps(int perAddress, int total) {
    this.perAddress = perAddress;
    this.total = total;
  }

  /** Counts a new socket of {@code address}, or refuses it (null) with the reason to close it with. */
  String admit(String address) {
    if (open.incrementAndGet() > total) {
      open.decrementAndGet();
      return "The server has too many connections; try again soon";
    }
    AtomicInteger mine = byAddress.computeIfAbsent(address, a -> new AtomicInteger());
    if (mine.incrementAndGet() > perAddress) {
      release(address);
      return "Too many connections from your address";
    }
    return null;
  }

  void release(String address) {
    open.decrementAndGet();
    byAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
  }
}
