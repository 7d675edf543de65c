package dev.jamsession.systemtests;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A raw WebSocket client of the gateway's bridge (/eventbus/websocket), as a load tool would be:
 * Vert.x bridge frames, replies matched by reply address, every received frame kept with its
 * arrival time so the tests can measure gaps. It notices a dropped connection (a killed
 * gateway) through {@link #closed()}; reconnecting is the caller's business, as in a browser.
 */
final class BusClient implements AutoCloseable {
  record Frame(long atNanos, JsonObject json) {
    boolean isEvent() {
      return "rec".equals(json.getString("type")) && json.getString("address", "").startsWith("jam.events.");
    }

    boolean isEvent(String type) {
      return isEvent() && type.equals(body().getString("type"));
    }

    JsonObject body() {
      return json.getJsonObject("body");
    }
  }

  private record Waiter(int from, Predicate<Frame> match, CompletableFuture<Frame> future) {}

  private final Vertx vertx;
  private final WebSocketClient client; // kept: Vert.x 5 closes clients that are garbage-collected
  private final WebSocket ws;
  final int port;
  private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Long> closed = new CompletableFuture<>();
  private final long pingTimer;

  private BusClient(Vertx vertx, WebSocketClient client, WebSocket ws, int port) {
    this.vertx = vertx;
    this.client = client;
    this.ws = ws;
    this.port = port;
    // Whole messages: the gateway splits large events into 64 KB frames.
    ws.binaryMessageHandler(this::onFrame);
    ws.textMessageHandler(text -> onFrame(io.vertx.core.buffer.Buffer.buffer(text)));
    ws.closeHandler(v -> onClosed());
    ws.exceptionHandler(t -> onClosed());
    pingTimer = vertx.setPeriodic(5_000, id -> {
      if (!ws.isClosed()) {
        ws.writeTextMessage("{\"type\":\"ping\"}");
      }
    });
  }

  static BusClient connect(Vertx vertx, int port) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket ws = client.connect(new WebSocketConnectOptions()
            .setHost("127.0.0.1").setPort(port).setURI("/eventbus/websocket").setTimeout(5_000))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new BusClient(vertx, client, ws, port);
  }

  private void onFrame(Buffer data) {
    Frame frame = new Frame(System.nanoTime(), new JsonObject(data));
    frames.add(frame);
    String address = frame.json.getString("address");
    CompletableFuture<JsonObject> reply = address == null ? null : pending.remove(address);
    if (reply != null) {
      if ("err".equals(frame.json.getString("type"))) {
        reply.completeExceptionally(new IllegalStateException("bridge error frame " + frame.json.encode()));
      } else {
        reply.complete(frame.body());
      }
    }
    for (Waiter w : waiters) {
      if (w.match.test(frame) && w.future.complete(frame)) {
        waiters.remove(w);
      }
    }
  }

  private void onClosed() {
    vertx.cancelTimer(pingTimer);
    if (closed.complete(System.nanoTime())) {
      pending.values().forEach(p -> p.completeExceptionally(new IllegalStateException("connection closed")));
      pending.clear();
    }
  }

  /** Completes with the nanoTime at which the connection was seen closed. */
  CompletableFuture<Long> closed() {
    return closed;
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  /** Sends a command; the future completes with the reply envelope, or fails (timeout, closed). */
  CompletableFuture<JsonObject> requestAsync(String address, JsonObject body, Duration timeout) {
    String replyAddress = UUID.randomUUID().toString();
    CompletableFuture<JsonObject> future = new CompletableFuture<>();
    if (closed.isDone()) {
      future.completeExceptionally(new IllegalStateException("connection closed"));
      return future;
    }
    pending.put(replyAddress, future);
    JsonObject frame = new JsonObject().put("type", "send").put("address", address)
        .put("replyAddress", replyAddress).put("body", body == null ? new JsonObject() : body);
    ws.writeTextMessage(frame.encode()).onFailure(future::completeExceptionally);
    return future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((r, t) -> pending.remove(replyAddress));
  }

  /** Blocking request: the reply envelope; throws on timeout or a closed connection. */
  JsonObject request(String address, JsonObject body) throws Exception {
    return request(address, body, Duration.ofSeconds(12));
  }

  JsonObject request(String address, JsonObject body, Duration timeout) throws Exception {
    try {
      return requestAsync(address, body, timeout).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  void register(String address) {
    ws.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode());
  }

  /**
   * Completes with the first frame at or after position {@code from} of {@link #frames()} that
   * matches, as it arrives (or at once if one is already there).
   */
  CompletableFuture<Frame> whenFrame(int from, Predicate<Frame> match) {
    CompletableFuture<Frame> future = new CompletableFuture<>();
    Waiter waiter = new Waiter(from, match, future);
    waiters.add(waiter);
    future.whenComplete((f, t) -> waiters.remove(waiter));
    // Scan after registering the waiter, so a frame arriving meanwhile is not missed.
    for (int i = from; i < frames.size() && !future.isDone(); i++) {
      if (match.test(frames.get(i))) {
        future.complete(frames.get(i));
      }
    }
    return future;
  }

  /** The first frame at or after position {@code from} of {@link #frames()} that matches. */
  Frame await(int from, Predicate<Frame> match, Duration timeout) throws Exception {
    CompletableFuture<Frame> future = whenFrame(from, match);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException("no matching frame within " + timeout.toMillis() + " ms on port " + port);
    } finally {
      future.cancel(false); // unregisters the waiter if nothing came
    }
  }

  /** Completes with the first event (other than {@code subscribed}) received after {@code nanos}. */
  CompletableFuture<Frame> whenEventAfter(long nanos) {
    return whenFrame(0, f -> f.atNanos() > nanos && f.isEvent() && !"subscribed".equals(f.body().getString("type")));
  }

  /** The first event of {@code type} at or after position {@code from}. */
  Frame awaitEvent(int from, String type, Duration timeout) throws Exception {
    return await(from, f -> f.isEvent(type), timeout);
  }

  int frameCount() {
    return frames.size();
  }

  List<Frame> frames() {
    return frames;
  }

  List<Frame> events() {
    List<Frame> out = new ArrayList<>();
    for (Frame f : frames) {
      if (f.isEvent()) {
        out.add(f);
      }
    }
    return out;
  }

  @Override
  public void close() {
    vertx.cancelTimer(pingTimer);
    if (!ws.isClosed()) {
      ws.close();
    }
    client.close();
  }
}
