package dev.jamsession.systemtests;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Jams full of players for the system tests, and their final states. */
final class Jams {
  private Jams() {}

  /**
   * Creates {@code jams} jams and joins {@code perJam} players to each (the first as host), the
   * players spread over the gateways in turn so every jam has members on each of them.
   */
  static List<Player> populate(Vertx vertx, Ledger ledger, List<ServiceProcess> gateways, int jams, int perJam,
                               JsonObject settings) throws Exception {
    List<Player> players = new ArrayList<>();
    int n = 0;
    for (int j = 0; j < jams; j++) {
      ServiceProcess creator = gateways.get(j % gateways.size());
      JsonObject created = Rest.createJam(creator.httpPort, "host" + j, settings);
      String code = created.getString("sessionCode");
      for (int i = 0; i < perJam; i++) {
        ServiceProcess via = gateways.get(n++ % gateways.size());
        players.add(Player.join(vertx, ledger, via.httpPort, code, "p" + j + "-" + i,
            i == 0 ? created.getString("hostToken") : null));
      }
    }
    return players;
  }

  /** Each jam's final state: the newest snapshot for the shared fields, and every player's own votes. */
  static Map<String, Ledger.FinalState> finalStates(List<Player> players) throws Exception {
    Map<String, JsonObject> newest = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, Integer>>> votes = new HashMap<>();
    for (Player p : players) {
      JsonObject snap = p.snapshot();
      newest.merge(p.code, snap, (a, b) -> a.getLong("rev") >= b.getLong("rev") ? a : b);
      votes.computeIfAbsent(p.code, c -> new HashMap<>()).put(p.participantId(), Ledger.votesOf(snap));
    }
    Map<String, Ledger.FinalState> out = new LinkedHashMap<>();
    newest.forEach((code, snap) -> out.put(code, new Ledger.FinalState(snap, votes.get(code))));
    return out;
  }

  /** The participant {@code id} of a snapshot, or null when it has none. */
  static JsonObject participant(JsonObject snapshot, String id) {
    for (Object o : snapshot.getJsonArray("participants")) {
      JsonObject p = (JsonObject) o;
      if (id.equals(p.getString("id"))) {
        return p;
      }
    }
    return null;
  }

  /** The ids of a snapshot's participants, or of those connected only. */
  static Set<String> participantIds(JsonObject snapshot, boolean connectedOnly) {
    Set<String> ids = new TreeSet<>();
    for (Object o : snapshot.getJsonArray("participants")) {
      JsonObject p = (JsonObject) o;
      if (!connectedOnly || p.getBoolean("connected")) {
        ids.add(p.getString("id"));
      }
    }
    return ids;
  }

  static JsonObject settings(int maxQueueSize) {
    return new JsonObject().put("maxQueueSize", maxQueueSize);
  }
}
