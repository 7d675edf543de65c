package dev.jamsession.runtime.bus;

import io.vertx.core.json.JsonObject;

/**
 * A participant's command on its way from the gateway to session-service
 * ({@code session.command}), with the identity the gateway bound to the connection. The only
 * place the envelope's keys are written or read.
 *
 * @param requestId  the client's request id, or one the gateway made (retries are safe)
 * @param receivedAt when the gateway received it (epoch ms)
 * @param cmd        the public address the client sent to (e.g. jam.vote)
 * @param code       the jam the connection is in, or for a join the jam asked for
 * @param participantId the participant bound to the connection, or null
 * @param connectionId  the gateway's server-side connection id
 * @param body       the client's body as sent: a JsonObject, or null when absent; any other
 *                   JSON value is passed on too, so session-service refuses it with
 *                   INVALID_INPUT in the order of PROTOCOL §8 (after membership)
 */
public record CommandEnvelope(String requestId, long receivedAt, String cmd, String code,
                              String participantId, String connectionId, Object body) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("requestId", requestId)
        .put("receivedAt", receivedAt)
        .put("cmd", cmd)
        .put("code", code)
        .put("participantId", participantId)
        .put("connectionId", connectionId)
        .put("body", body);
  }

  /** The body as the domain's parser takes it: plain Maps and Lists ({@link PlainJson}). */
  public Object decodedBody() {
    return PlainJson.of(body);
  }

  public static CommandEnvelope fromJson(JsonObject json) {
    return new CommandEnvelope(
        json.getString("requestId"),
        json.getLong("receivedAt", System.currentTimeMillis()),
        json.getString("cmd", ""),
        json.getString("code"),
        json.getString("participantId"),
        json.getString("connectionId"),
        json.getValue("body"));
  }
}
