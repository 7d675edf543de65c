package dev.jamsession.systemtests;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The gateway's REST API, as a client uses it. */
final class Rest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private Rest() {}

  /** POST /api/jam/create: {sessionCode, hostToken}. */
  static JsonObject createJam(int port, String hostName, JsonObject settings) throws Exception {
    JsonObject body = new JsonObject().put("hostName", hostName);
    if (settings != null) {
      body.put("settings", settings);
    }
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jam/create"))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new AssertionError("create on port " + port + " failed: " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body()).getJsonObject("data");
  }

  /** Song ids of the catalog (the first {@code limit}). */
  static List<String> songIds(int port, int limit) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/songs?limit=" + limit))
        .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("songs on port " + port + " failed: " + r.statusCode() + " " + r.body());
    }
    List<String> ids = new ArrayList<>();
    for (Object s : new JsonObject(r.body()).getJsonObject("data").getJsonArray("songs")) {
      ids.add(((JsonObject) s).getString("id"));
    }
    return ids;
  }
}
