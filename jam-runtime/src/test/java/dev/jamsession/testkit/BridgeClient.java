package dev.jamsession.testkit;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A non-browser client of the bridge at /eventbus/websocket, speaking Vert.x's frames exactly as
 * a load tool would (the bridge answers raw WebSocket clients with binary frames): the gateway's
 * tests and the system tests both use it. Replies are matched by reply address; every frame it
 * received is kept with its arrival time, so tests wait for events instead of sleeping and can
 * measure gaps. It notices a dropped connection through {@link #closed()} (requests in flight
 * then fail); reconnecting is the caller's business, as in a browser.
 */
public final class BridgeClient implements AutoCloseable {
  /** Default wait for a reply or a frame. */
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** A frame as it arrived: when ({@link System#nanoTime}) and its JSON. */
  public record Frame(long atNanos, JsonObject json) {
    /** A frame on a jam's events address. */
    public boolean isEvent() {
      return "rec".equals(json.getString("type")) && json.getString("address", "").startsWith("jam.events.");
    }

    public boolean isEvent(String type) {
      return isEvent() && type.equals(body().getString("type"));
    }

    public JsonObject body() {
      return json.getJsonObject("body");
    }
  }

  private record Waiter(Predicate<Frame> match, Promise<Frame> promise) {}

  /** The gateway's port this client is connected to. */
  public final int port;
  private final Vertx vertx;
  private final WebSocketClient client; // kept: Vert.x 5 closes clients that are garbage-collected
  private final WebSocket ws;
  private final Map<String, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
  private final long pingTimer;
  private final Promise<Long> closed = Promise.promise();

  private BridgeClient(Vertx vertx, WebSocketClient client, WebSocket ws, int port, boolean ping) {
    this.vertx = vertx;
    this.client = client;
    this.ws = ws;
    this.port = port;
    pingTimer = ping ? vertx.setPeriodic(5_000, id -> {
      if (!ws.isClosed()) {
        ws.writeTextMessage("{\"type\":\"ping\"}");
      }
    }) : -1;
    try {
      // Whole messages: the server splits a large event (a 200-song queue) into 64 KB frames.
      ws.binaryMessageHandler(this::onFrame);
      ws.textMessageHandler(text -> onFrame(Buffer.buffer(text)));
      ws.closeHandler(v -> onClosed());
      ws.exceptionHandler(t -> onClosed());
    } catch (IllegalStateException refusedAtOnce) { // the server closed it before we got here
      onClosed();
    }
  }

  public static BridgeClient connect(Vertx vertx, int port) throws Exception {
    return connect(vertx, port, true);
  }

  /** {@code ping=false}: a client that goes silent, like a phone whose network vanished. */
  public static BridgeClient connect(Vertx vertx, int port, boolean ping) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(4 << 20));
    WebSocket ws = client.connect(new WebSocketConnectOptions()
            .setHost("127.0.0.1").setPort(port).setURI("/eventbus/websocket").setTimeout(5_000))
        .await(10, TimeUnit.SECONDS);
    return new BridgeClient(vertx, client, ws, port, ping);
  }

  private void onFrame(Buffer data) {
    Frame frame = new Frame(System.nanoTime(), new JsonObject(data));
    frames.add(frame);
    String address = frame.json().getString("address");
    Promise<JsonObject> reply = address == null ? null : pending.remove(address);
    if (reply != null) {
      if ("err".equals(frame.json().getString("type"))) {
        reply.tryFail(frame.json().encode());
      } else {
        reply.tryComplete(frame.body());
      }
    }
    for (Waiter w : waiters) {
      if (w.match.test(frame) && w.promise.tryComplete(frame)) {
        waiters.remove(w);
      }
    }
  }

  private void onClosed() {
    vertx.cancelTimer(pingTimer);
    if (closed.tryComplete(System.nanoTime())) {
      pending.values().forEach(p -> p.tryFail(new IllegalStateException("connection closed")));
      pending.clear();
    }
  }

  /** Sends a command and returns the reply envelope {success, data | code, error}. */
  public JsonObject request(String address, Object body) throws Exception {
    return request(address, body, WAIT);
  }

  /** Like {@link #request(String, Object)}; throws on a timeout or a closed connection. */
  public JsonObject request(String address, Object body, Duration timeout) throws Exception {
    return requestAsync(address, body, timeout).await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
  }

  public Future<JsonObject> requestAsync(String address, Object body) {
    return requestAsync(address, body, WAIT);
  }

  /** The reply envelope, or a failure: a timeout, an {@code err} frame, a closed connection. */
  public Future<JsonObject> requestAsync(String address, Object body, Duration timeout) {
    if (closed.future().isComplete()) {
      return Future.failedFuture(new IllegalStateException("connection closed"));
    }
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> promise = Promise.promise();
    pending.put(replyAddress, promise);
    long timer = vertx.setTimer(timeout.toMillis(), id -> promise.tryFail(
        new TimeoutException("no reply to " + address + " within " + timeout.toMillis() + " ms on port " + port)));
    JsonObject frame = new JsonObject().put("type", "send").put("address", address)
        .put("replyAddress", replyAddress);
    if (body != null) {
      frame.put("body", body);
    }
    ws.writeTextMessage(frame.encode()).onFailure(promise::tryFail);
    return promise.future().onComplete(ar -> {
      vertx.cancelTimer(timer);
      pending.remove(replyAddress);
    });
  }

  /** Writes a raw frame (anything, for the security tests). */
  public void sendRaw(String text) {
    ws.writeTextMessage(text);
  }

  public void register(String address) {
    ws.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode());
  }

  /** The first frame received so far, or from now on, that matches. */
  public JsonObject await(Predicate<JsonObject> match) throws Exception {
    return await(0, match);
  }

  /** The first matching frame at or after position {@code from} of {@link #frames()}. */
  public JsonObject await(int from, Predicate<JsonObject> match) throws Exception {
    return awaitAsync(from, match).await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Like {@link #await(int, Predicate)}, without blocking. */
  public Future<JsonObject> awaitAsync(int from, Predicate<JsonObject> match) {
    return whenFrame(from, f -> match.test(f.json())).map(Frame::json);
  }

  /**
   * Completes with the first frame at or after position {@code from} of {@link #frames()} that
   * matches, as it arrives (or at once if one is already there).
   */
  public Future<Frame> whenFrame(int from, Predicate<Frame> match) {
    Promise<Frame> promise = Promise.promise();
    waiters.add(new Waiter(match, promise));
    // Scan after registering the waiter, so a frame arriving meanwhile is not missed.
    for (int i = from; i < frames.size() && !promise.future().isComplete(); i++) {
      if (match.test(frames.get(i))) {
        promise.tryComplete(frames.get(i));
      }
    }
    return promise.future().onComplete(ar -> waiters.removeIf(w -> w.promise == promise));
  }

  /** Completes with the first event (other than {@code subscribed}) received after {@code nanos}. */
  public Future<Frame> whenEventAfter(long nanos) {
    return whenFrame(0, f -> f.atNanos() > nanos && f.isEvent() && !f.isEvent("subscribed"));
  }

  /** The first event of {@code type} on an events address, received so far or from now on. */
  public JsonObject awaitEvent(String type) throws Exception {
    return awaitEvent(0, type, WAIT).body();
  }

  /** The first event of {@code type} at or after position {@code from}. */
  public Frame awaitEvent(int from, String type, Duration timeout) throws Exception {
    Future<Frame> event = whenFrame(from, f -> f.isEvent(type));
    try {
      return event.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException("no " + type + " event within " + timeout.toMillis() + " ms on port " + port);
    }
  }

  /** Events received so far (bodies of frames on jam.events.*), in arrival order. */
  public List<JsonObject> events() {
    return eventFrames().stream().map(Frame::body).toList();
  }

  /** The frames of the events received so far, with their arrival times. */
  public List<Frame> eventFrames() {
    List<Frame> out = new ArrayList<>();
    for (Frame f : frames) {
      if (f.isEvent()) {
        out.add(f);
      }
    }
    return out;
  }

  /** Every frame received so far, as JSON (a live view). */
  public List<JsonObject> frames() {
    return new AbstractList<>() {
      @Override
      public JsonObject get(int index) {
        return frames.get(index).json();
      }

      @Override
      public int size() {
        return frames.size();
      }
    };
  }

  /** Every frame received so far, with its arrival time (a live view). */
  public List<Frame> received() {
    return java.util.Collections.unmodifiableList(frames);
  }

  /** Drops the frames kept so far: a closed client's, which a long test no longer reads. */
  public void forgetFrames() {
    frames.clear();
  }

  /** Stops reading from the socket (a phone that stalls): the server's writes pile up. */
  public void stopReading() {
    ws.pause();
  }

  public void resumeReading() {
    ws.resume();
  }

  public boolean isOpen() {
    return !closed.future().isComplete();
  }

  /** Completes with the {@link System#nanoTime} at which the connection was seen closed. */
  public Future<Long> closed() {
    return closed.future();
  }

  /** The close status the server sent, once closed. */
  public Short closeStatus() {
    return ws.closeStatusCode();
  }

  /** Drops the connection abruptly, as a network failure would. */
  public void kill() {
    vertx.cancelTimer(pingTimer);
    ws.close((short) 1001).await();
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
