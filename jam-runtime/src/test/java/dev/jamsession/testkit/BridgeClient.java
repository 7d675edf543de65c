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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A non-browser client of the bridge at /eventbus/websocket, speaking Vert.x's frames exactly as
 * a load tool would (the bridge answers raw WebSocket clients with binary frames). Keeps every
 * frame it received so tests can wait for events instead of sleeping.
 */
public final class BridgeClient implements AutoCloseable {
  private final WebSocketClient client; // kept: Vert.x 5 closes clients that are garbage-collected
  private final WebSocket ws;
  private final Vertx vertx;
  private final Map<String, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
  private final long pingTimer;
  private final Promise<Void> closed = Promise.promise();

  private record Waiter(Predicate<JsonObject> match, Promise<JsonObject> promise) {}

  private BridgeClient(Vertx vertx, WebSocketClient client, WebSocket ws, boolean ping) {
    this.vertx = vertx;
    this.client = client;
    this.ws = ws;
    try {
      // Whole messages: the server splits a large event (a 200-song queue) into 64 KB frames.
      ws.binaryMessageHandler(this::onFrame);
      ws.textMessageHandler(text -> onFrame(Buffer.buffer(text)));
      ws.closeHandler(v -> closed.tryComplete());
    } catch (IllegalStateException refusedAtOnce) { // the server closed it before we got here
      closed.tryComplete();
    }
    pingTimer = ping ? vertx.setPeriodic(5_000, id -> ws.writeTextMessage("{\"type\":\"ping\"}")) : -1;
  }

  public static BridgeClient connect(Vertx vertx, int port) throws Exception {
    return connect(vertx, port, true);
  }

  /** {@code ping=false}: a client that goes silent, like a phone whose network vanished. */
  public static BridgeClient connect(Vertx vertx, int port, boolean ping) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(4 << 20));
    WebSocket ws = client.connect(new WebSocketConnectOptions()
            .setHost("127.0.0.1").setPort(port).setURI("/eventbus/websocket"))
        .await(10, TimeUnit.SECONDS);
    return new BridgeClient(vertx, client, ws, ping);
  }

  private void onFrame(Buffer data) {
    JsonObject frame = new JsonObject(data);
    frames.add(frame);
    String address = frame.getString("address");
    Promise<JsonObject> reply = address == null ? null : pending.remove(address);
    if (reply != null) {
      if ("err".equals(frame.getString("type"))) {
        reply.fail(frame.encode());
      } else {
        reply.complete(frame.getJsonObject("body"));
      }
    }
    for (Waiter w : waiters) {
      if (w.match.test(frame) && w.promise.tryComplete(frame)) {
        waiters.remove(w);
      }
    }
  }

  /** Sends a command and returns the reply envelope {success, data | code, error}. */
  public JsonObject request(String address, Object body) throws Exception {
    return requestAsync(address, body).await(15, TimeUnit.SECONDS);
  }

  public Future<JsonObject> requestAsync(String address, Object body) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> promise = Promise.promise();
    pending.put(replyAddress, promise);
    JsonObject frame = new JsonObject().put("type", "send").put("address", address)
        .put("replyAddress", replyAddress);
    if (body != null) {
      frame.put("body", body);
    }
    ws.writeTextMessage(frame.encode());
    return promise.future();
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
    return awaitAsync(from, match).await(15, TimeUnit.SECONDS);
  }

  /** Like {@link #await(int, Predicate)}, without blocking. */
  public Future<JsonObject> awaitAsync(int from, Predicate<JsonObject> match) {
    Promise<JsonObject> promise = Promise.promise();
    waiters.add(new Waiter(match, promise));
    // Scan after registering the waiter, so a frame arriving meanwhile is not missed.
    for (int i = from; i < frames.size(); i++) {
      if (match.test(frames.get(i))) {
        promise.tryComplete(frames.get(i));
      }
    }
    return promise.future().onComplete(ar -> waiters.removeIf(w -> w.promise == promise));
  }

  /** The first event of {@code type} on an events address, received so far or from now on. */
  public JsonObject awaitEvent(String type) throws Exception {
    return await(f -> "rec".equals(f.getString("type")) && f.getValue("body") instanceof JsonObject b
        && type.equals(b.getString("type"))).getJsonObject("body");
  }

  /** Events received so far (bodies of frames on jam.events.*), in arrival order. */
  public List<JsonObject> events() {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject f : frames) {
      if ("rec".equals(f.getString("type")) && f.getString("address", "").startsWith("jam.events.")) {
        out.add(f.getJsonObject("body"));
      }
    }
    return out;
  }

  public List<JsonObject> frames() {
    return frames;
  }

  /** Stops reading from the socket (a phone that stalls): the server's writes pile up. */
  public void stopReading() {
    ws.pause();
  }

  public void resumeReading() {
    ws.resume();
  }

  /** Completes when the server (or this client) closed the connection. */
  public Future<Void> closed() {
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
