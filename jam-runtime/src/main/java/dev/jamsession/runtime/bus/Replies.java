package dev.jamsession.runtime.bus;

import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.Map;

/** The reply envelope of PROTOCOL §3, used on the bus and over HTTP alike. */
public final class Replies {
  private Replies() {}

  public static JsonObject ok(JsonObject data) {
    return new JsonObject().put("success", true).put("data", data);
  }

  public static JsonObject ok(Map<String, Object> data) {
    return ok(new JsonObject(data));
  }

  public static JsonObject error(ErrorCode code, String message) {
    return new JsonObject().put("success", false).put("code", code.name()).put("error", message);
  }

  /** The envelope for any failure: protocol refusals keep their code, a dead peer is UNAVAILABLE. */
  public static JsonObject error(Throwable t) {
    if (t instanceof JamException je) {
      return error(je.code(), je.getMessage());
    }
    if (t instanceof ReplyException re
        && (re.failureType() == ReplyFailure.TIMEOUT || re.failureType() == ReplyFailure.NO_HANDLERS)) {
      return error(ErrorCode.UNAVAILABLE, "The service is busy or restarting; please try again");
    }
    return error(ErrorCode.INTERNAL, "Something went wrong on the server");
  }

  public static boolean isSuccess(JsonObject reply) {
    return reply != null && Boolean.TRUE.equals(reply.getBoolean("success"));
  }

  /** The error code of a failure envelope. */
  public static ErrorCode codeOf(JsonObject reply) {
    return ErrorCode.parse(reply.getString("code"));
  }
}
