package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;

/** Assertions on a bridge reply (PROTOCOL §3), shared by the end-to-end tests. */
final class BridgeReplies {
  private BridgeReplies() {}

  /** A success: its data. */
  static JsonObject ok(JsonObject reply) {
    assertThat(reply.getBoolean("success")).as(reply.encode()).isTrue();
    return reply.getJsonObject("data");
  }

  /** A refusal with {@code code} and a sentence for the user. */
  static void refused(JsonObject reply, String code) {
    assertThat(reply.getBoolean("success")).as(reply.encode()).isFalse();
    assertThat(reply.getString("code")).as(reply.encode()).isEqualTo(code);
    assertThat(reply.getString("error")).isNotBlank();
  }
}
