package dev.jamsession.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.domain.EventType;
import dev.jamsession.runtime.jam.EncodedEvent;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §5 Coalescing on real Vert.x timers: what goes out at once, what is held, what is merged. */
@ExtendWith(VertxExtension.class)
class EventCoalescerTest {
  private static final long WINDOW_MS = 50;

  private final Vertx vertx = Vertx.vertx();
  private final List<EventCoalescer.Outgoing> published = new CopyOnWriteArrayList<>();
  private final Promise<Void> allPublished = Promise.promise();
  private int expected = Integer.MAX_VALUE;
  private final EventCoalescer coalescer = new EventCoalescer(vertx, WINDOW_MS, out -> {
    published.add(out);
    if (published.size() == expected) {
      allPublished.complete();
    }
  });

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static EventCoalescer.Outgoing event(String code, EventType type, long rev) {
    byte[] json = ("{\"type\":\"" + type.wireName() + "\",\"rev\":" + rev + ",\"data\":{}}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new EventCoalescer.Outgoing(code, new EncodedEvent(type, rev, null, null, null, 0, json), rev * 10);
  }

  private static List<String> seen(List<EventCoalescer.Outgoing> events) {
    return events.stream().map(o -> o.code() + ":" + o.event().type().wireName() + "@" + o.event().rev()).toList();
  }

  /**
   * Runs {@code offers} on the event loop, as the verticles do, then checks {@code then} once
   * {@code count} events in all have been published.
   */
  private void onLoop(VertxTestContext test, int count, Runnable offers, Runnable then) {
    expected = count;
    vertx.runOnContext(v -> {
      test.verify(offers::run);
      allPublished.future().onComplete(test.succeeding(done -> {
        test.verify(then::run);
        test.completeNow();
      }));
    });
  }

  /**
   * Offers {@code offers} on the event loop: {@code atOnce} is what went out meanwhile, and
   * {@code all} what has gone out once the windows closed.
   */
  private void offerThenExpect(VertxTestContext test, List<EventCoalescer.Outgoing> offers, List<String> atOnce,
                               List<String> all) {
    onLoop(test, all.size(), () -> {
      offers.forEach(coalescer::offer);
      assertThat(seen(published)).containsExactlyElementsOf(atOnce);
    }, () -> assertThat(seen(published)).containsExactlyElementsOf(all));
  }

  @Test
  void theFirstGoesOutAtOnceAndLaterOnesWithinTheWindowMergeIntoTheLatest(VertxTestContext test) {
    onLoop(test, 4, () -> {
      coalescer.offer(event("A", EventType.QUEUE_UPDATED, 1));
      assertThat(seen(published)).containsExactly("A:queue-updated@1"); // not delayed
      coalescer.offer(event("A", EventType.QUEUE_UPDATED, 3));
      coalescer.offer(event("A", EventType.QUEUE_UPDATED, 2)); // older than the one held: dropped
      coalescer.offer(event("A", EventType.NOW_PLAYING, 3)); // never merged nor delayed
      coalescer.offer(event("B", EventType.QUEUE_UPDATED, 7)); // another jam has its own window
      assertThat(seen(published)).containsExactly("A:queue-updated@1", "A:now-playing@3", "B:queue-updated@7");
    }, () -> {
      assertThat(seen(published)).containsExactly(
          "A:queue-updated@1", "A:now-playing@3", "B:queue-updated@7", "A:queue-updated@3");
      assertThat(published.get(3).commandAt()).isEqualTo(30); // the merged one is the latest as it was
      // It names the rev it replaced, so a client does not take the missing rev for a lost one.
      assertThat(new io.vertx.core.json.JsonObject(io.vertx.core.buffer.Buffer.buffer(published.get(3).event().json())))
          .isEqualTo(new io.vertx.core.json.JsonObject("{\"merges\":[2],\"type\":\"queue-updated\",\"rev\":3,\"data\":{}}"));
      assertThat(new String(published.get(0).event().json(), java.nio.charset.StandardCharsets.UTF_8))
          .doesNotContain("merges");
    });
  }

  @Test
  void eachTypeHasItsOwnWindow(VertxTestContext test) {
    offerThenExpect(test,
        List.of(event("A", EventType.PLAYBACK_UPDATED, 1), event("A", EventType.SKIP_VOTES_UPDATED, 1),
            event("A", EventType.PLAYBACK_UPDATED, 2)),
        List.of("A:playback-updated@1", "A:skip-votes-updated@1"),
        List.of("A:playback-updated@1", "A:skip-votes-updated@1", "A:playback-updated@2"));
  }

  @Test
  void theEndOfAJamFlushesWhatItHoldsFirst(VertxTestContext test) {
    offerThenExpect(test,
        List.of(event("A", EventType.QUEUE_UPDATED, 1), event("A", EventType.QUEUE_UPDATED, 2),
            event("B", EventType.QUEUE_UPDATED, 5), event("B", EventType.QUEUE_UPDATED, 6),
            event("A", EventType.SESSION_ENDED, 3)),
        List.of("A:queue-updated@1", "B:queue-updated@5", "A:queue-updated@2", "A:session-ended@3"),
        List.of("A:queue-updated@1", "B:queue-updated@5", "A:queue-updated@2", "A:session-ended@3",
            "B:queue-updated@6"));
  }

  @Test
  void windowsCloseWhenNothingMoreComes(VertxTestContext test) {
    vertx.runOnContext(v -> {
      coalescer.offer(event("A", EventType.QUEUE_UPDATED, 1));
      coalescer.offer(event("A", EventType.QUEUE_UPDATED, 2));
      assertThat(coalescer.openWindows()).isEqualTo(1);
      // The held one goes out at the first close and opens a second window, which closes empty.
      vertx.setPeriodic(5, id -> {
        if (coalescer.openWindows() == 0) {
          vertx.cancelTimer(id);
          test.verify(() -> assertThat(seen(published)).containsExactly("A:queue-updated@1", "A:queue-updated@2"));
          test.completeNow();
        }
      });
    });
  }
}
