package dev.jamsession.gateway.bridge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/** The bridge's share of the metrics: connections, messages each way, broadcast latency. */
public final class BridgeMetrics {
  private final Counter messagesIn;
  private final Counter messagesOut;
  private final Timer broadcastLatency;
  private final Supplier<Number> connections;

  public BridgeMetrics(MeterRegistry registry, Supplier<Number> connections) {
    this.connections = connections;
    Gauge.builder("jam.websocket.connections", connections).description("Open bridge connections")
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

  void broadcast(long commandAt) {
    broadcastLatency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - commandAt)));
  }

  public int connections() {
    return connections.get().intValue();
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
