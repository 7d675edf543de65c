package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge over SockJS's WebSocket transport (/eventbus, PROTOCOL §1's client), beside the plain
 * WebSocket the other tests speak: the same frames, each inside SockJS's {@code a["…"]}.
 */
class SockJsBridgeTest {
  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of());

  @Test
  void aSockJsClientJoinsRegistersAndReceivesItsJamsEvents() throws Exception {
    JsonObject created = server.create("Ana");
    String code = created.getString("sessionCode");
    WebSocketClient client = server.clients.createWebSocketClient();
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port)
        .setURI("/eventbus/123/abcdefgh/websocket")).await(10, TimeUnit.SECONDS);
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    Promise<Void> opened = Promise.promise();
    Promise<JsonObject> joined = Promise.promise();
    Promise<JsonObject> queued = Promise.promise();
    ws.textMessageHandler(message -> {
      if ("o".equals(message)) {
        opened.tryComplete();
      } else if (message.startsWith("a")) {
        for (Object text : new JsonArray(message.substring(1))) {
          JsonObject frame = new JsonObject((String) text);
          frames.add(frame);
          if ("join".equals(frame.getString("address"))) {
            joined.tryComplete(frame.getJsonObject("body"));
          } else if ("queue-updated".equals(frame.getJsonObject("body", new JsonObject()).getString("type"))) {
            queued.tryComplete(frame.getJsonObject("body"));
          }
        }
      }
    });
    opened.future().await(10, TimeUnit.SECONDS);

    sockJs(ws, new JsonObject().put("type", "send").put("address", "jam.join-session").put("replyAddress", "join")
        .put("body", new JsonObject().put("code", code).put("userName", "Ana").put("hostToken", created.getString("hostToken"))));
    assertThat(joined.future().await(10, TimeUnit.SECONDS).getBoolean("success")).isTrue();
    sockJs(ws, new JsonObject().put("type", "register").put("address", "jam.events." + code));
    String songId = server.songId(0);
    sockJs(ws, new JsonObject().put("type", "send").put("address", "jam.add-to-queue").put("replyAddress", "add")
        .put("body", new JsonObject().put("songId", songId)));

    JsonObject event = queued.future().await(10, TimeUnit.SECONDS); // autoplay may have taken the song already
    assertThat(event.getJsonObject("data").getJsonArray("queue")).isNotNull();
    assertThat(event.getLong("rev")).isPositive();
    assertThat(frames).anyMatch(f -> ("jam.events." + code).equals(f.getString("address")));
    ws.close();
    client.close();
  }

  /** SockJS sends an array of messages, each a JSON string. */
  private static void sockJs(WebSocket ws, JsonObject frame) {
    ws.writeTextMessage(new JsonArray().add(frame.encode()).encode());
  }
}
