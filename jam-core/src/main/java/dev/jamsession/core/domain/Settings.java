package dev.jamsession.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A jam's settings (PROTOCOL §6), with the ranges of §8. */
public record Settings(boolean allowVoting, int maxQueueSize, boolean autoPlay, double skipThreshold,
                       int maxParticipants, boolean guestsControlPlayback, boolean listed,
                       boolean autofill) {

  public static final int MAX_QUEUE_SIZE_LIMIT = 200;
  public static final int MAX_PARTICIPANTS_LIMIT = 500;

  public static Settings defaults(int maxQueueSize) {
    return new Settings(true, maxQueueSize, true, 0.5, 50, false, false, true);
  }

  /**
   * These settings with the known fields of {@code patch} applied; unknown fields are ignored,
   * a field of the wrong type or out of range throws INVALID_INPUT and changes nothing.
   */
  public Settings apply(Map<String, Object> patch) {
    boolean voting = allowVoting;
    int queueSize = maxQueueSize;
    boolean auto = autoPlay;
    double threshold = skipThreshold;
    int maxPeople = maxParticipants;
    boolean guestsControl = guestsControlPlayback;
    boolean isListed = listed;
    boolean fill = autofill;
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "allowVoting" -> voting = Input.bool(v, "allowVoting");
        case "autoPlay" -> auto = Input.bool(v, "autoPlay");
        case "guestsControlPlayback" -> guestsControl = Input.bool(v, "guestsControlPlayback");
        case "listed" -> isListed = Input.bool(v, "listed");
        case "autofill" -> fill = Input.bool(v, "autofill");
        case "maxQueueSize" -> queueSize = (int) Input.integer(v, "maxQueueSize", 1, MAX_QUEUE_SIZE_LIMIT);
        case "maxParticipants" -> maxPeople = (int) Input.integer(v, "maxParticipants", 2, MAX_PARTICIPANTS_LIMIT);
        case "skipThreshold" -> {
          threshold = Input.number(v, "skipThreshold");
          if (threshold <= 0 || threshold > 1) {
            throw Input.invalid("skipThreshold must be more than 0 and at most 1");
          }
        }
        default -> { }
      }
    }
    return new Settings(voting, queueSize, auto, threshold, maxPeople, guestsControl, isListed, fill);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("allowVoting", allowVoting);
    m.put("maxQueueSize", maxQueueSize);
    m.put("autoPlay", autoPlay);
    m.put("skipThreshold", skipThreshold);
    m.put("maxParticipants", maxParticipants);
    m.put("guestsControlPlayback", guestsControlPlayback);
    m.put("listed", listed);
    m.put("autofill", autofill);
    return m;
  }
}
