package dev.jamsession.gateway.bridge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bridge's share of the metrics, one per gateway node (shared by its event loops):
 * connections, messages each way, broadcast latency.
 */
public final class BridgeMetrics {
  private final Counter messagesIn;
  private final Counter messagesOut;
  private final Timer broadcastLatency;
  private final AtomicInteger connections = new AtomicInteger();

  public BridgeMetrics(MeterRegistry registry) {
    Gauge.builder("jam.websocket.connections", connections, AtomicInteger::get).description("Open bridge connections")
        .register(registry);
    messagesIn = Counter.builder("jam.messages.in").description("Commands received from browsers")
        .register(registry);
    messagesOut = Counter.builder("jam.messages.out").description("Frames written to browsers (replies and events)")
        .register(registry);
    broadcastLatency = Timer.builder("jam.broadcast.latency")
        .description("From the gateway receiving a command to its event being written to a socket")
        .publishPercentileHistogram().publishPercentiles(0.5, 0.95, 0.99)
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  void messageIn() {
    messagesIn.increment();
  }

  void messageOut() {
    messagesOut.increment();
  }

  /** One event written to {@code sockets} sockets of a loop; its latency is counted once per loop. */
  void delivered(int sockets, long commandAt) {
    if (sockets == 0) {
      return;
    }
    messagesOut.increment(sockets);
    if (commandAt > 0) {
      broadcastLatency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - commandAt)));
    }
  }

  void opened() {
    connections.incrementAndGet();
  }

  void closed() {
    connections.decrementAndGet();
  }

  public int connections() {
    return connections.get();
  }

  public double messagesIn() {
    return messagesIn.count();
  }

  public double messagesOut() {
    return messagesOut.count();
  }

  public Timer broadcastLatency() {
    return broadcastLatency;
  }
}
