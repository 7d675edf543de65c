package dev.jamsession.session;

import dev.jamsession.core.domain.EventType;
import dev.jamsession.runtime.jam.EncodedEvent;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * PROTOCOL §5 Coalescing, per jam and event type: the first coalescible event (queue-updated,
 * playback-updated, skip-votes-updated) goes out at once and opens a window; further ones of
 * that type within the window are held, only the latest (highest rev) kept, since each carries
 * its fields' complete values; when the window closes the held one goes out and opens the next
 * window. Nothing waits longer than one window; other types pass straight through, and a jam's
 * end first flushes what it holds. Used from one event loop only.
 */
final class EventCoalescer {
  /** An event on its way to jam.events.CODE. */
  record Outgoing(String code, EncodedEvent event, long commandAt) {}

  private record Key(String code, EventType type) {}

  /** An open window; {@code held} is what goes out when it closes, {@code merged} the revs it replaced. */
  private static final class Window {
    Outgoing held;
    final List<Long> merged = new ArrayList<>();
  }

  private final Vertx vertx;
  private final long windowMs;
  private final Consumer<Outgoing> publish;
  private final Map<Key, Window> windows = new HashMap<>();

  EventCoalescer(Vertx vertx, long windowMs, Consumer<Outgoing> publish) {
    this.vertx = vertx;
    this.windowMs = windowMs;
    this.publish = publish;
  }

  void offer(Outgoing out) {
    EventType type = out.event().type();
    if (!type.coalescible()) {
      if (type == EventType.SESSION_ENDED) {
        flush(out.code());
      }
      publish.accept(out);
      return;
    }
    Key key = new Key(out.code(), type);
    Window window = windows.get(key);
    if (window == null) {
      publish.accept(out);
      open(key);
    } else if (window.held == null || out.event().rev() >= window.held.event().rev()) {
      if (window.held != null) {
        window.merged.add(window.held.event().rev());
      }
      window.held = out;
    } else {
      window.merged.add(out.event().rev());
    }
  }

  /** How many windows are open: bounded by the jams with recent changes. */
  int openWindows() {
    return windows.size();
  }

  private void open(Key key) {
    Window window = new Window();
    windows.put(key, window);
    vertx.setTimer(windowMs, id -> close(key, window));
  }

  private void close(Key key, Window window) {
    if (windows.get(key) != window) {
      return; // flushed already
    }
    windows.remove(key);
    if (window.held != null) {
      publish.accept(merging(window));
      open(key);
    }
  }

  /**
   * The held event, naming in {@code merges} the revs whose events it replaced (docs/PROTOCOL.md
   * §9), so a client tells a merged rev from a lost one and does not resync for it.
   */
  private static Outgoing merging(Window window) {
    Outgoing held = window.held;
    if (window.merged.isEmpty()) {
      return held;
    }
    StringBuilder merges = new StringBuilder("{\"merges\":[");
    for (int i = 0; i < window.merged.size(); i++) {
      merges.append(i == 0 ? "" : ",").append(window.merged.get(i));
    }
    byte[] head = merges.append("],").toString().getBytes(StandardCharsets.US_ASCII);
    byte[] json = held.event().json(); // {"type":...}: the merges go in after its opening brace
    byte[] spliced = new byte[head.length + json.length - 1];
    System.arraycopy(head, 0, spliced, 0, head.length);
    System.arraycopy(json, 1, spliced, head.length, json.length - 1);
    EncodedEvent e = held.event();
    return new Outgoing(held.code(), new EncodedEvent(e.type(), e.rev(), e.participantId(), e.reason(),
        e.detachedConnection(), e.durationMs(), spliced), held.commandAt());
  }

  private void flush(String code) {
    List<Key> keys = new ArrayList<>();
    windows.keySet().forEach(k -> {
      if (k.code().equals(code)) {
        keys.add(k);
      }
    });
    for (Key k : keys) {
      Window window = windows.remove(k);
      if (window.held != null) {
        publish.accept(merging(window));
      }
    }
  }
}
