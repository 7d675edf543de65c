package dev.jamsession.core.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public JSON shapes of PROTOCOL §6 as plain maps and lists, so the domain stays free of any
 * JSON library; the services wrap them in their JSON types at the edge.
 */
public final class Views {
  private Views() {}

  public static Map<String, Object> item(QueueItem item) {
    if (item == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", item.id());
    m.put("song", item.song().toMap());
    m.put("addedBy", item.addedBy());
    m.put("addedById", item.addedById());
    m.put("addedAt", item.addedAt());
    m.put("score", item.score());
    m.put("up", item.up());
    m.put("down", item.down());
    m.put("round", item.round()); // PROTOCOL §11: lets a client show whose turn is next
    return m;
  }

  public static Map<String, Object> participant(Participant p, String hostId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("name", p.name());
    m.put("joinedAt", p.joinedAt());
    m.put("connected", p.connected());
    m.put("isHost", p.id().equals(hostId));
    return m;
  }

  public static Map<String, Object> playback(Playback pb) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("isPlaying", pb.isPlaying());
    m.put("positionMs", pb.positionMs());
    m.put("updatedAt", pb.updatedAt());
    return m;
  }

  public static Map<String, Object> skipVotes(Jam jam) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", jam.skipCount());
    m.put("needed", jam.skipNeeded());
    return m;
  }

  /** The complete value of one snapshot field. */
  public static Object field(Jam jam, SnapshotField field) {
    return switch (field) {
      case PARTICIPANTS -> {
        List<Object> list = new ArrayList<>();
        jam.participants().forEach(p -> list.add(participant(p, jam.hostId())));
        yield list;
      }
      case HOST_ID -> jam.hostId();
      case QUEUE -> {
        List<Object> list = new ArrayList<>();
        jam.queue().forEach(i -> list.add(item(i)));
        yield list;
      }
      case CURRENT -> item(jam.current());
      case PLAYBACK -> playback(jam.playback());
      case SETTINGS -> jam.settings().toMap();
      case SKIP_VOTES -> skipVotes(jam);
      case HISTORY -> {
        List<Object> list = new ArrayList<>();
        for (HistoryEntry h : jam.history()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("song", h.song().toMap());
          m.put("addedBy", h.addedBy());
          m.put("playedAt", h.playedAt());
          list.add(m);
        }
        yield list;
      }
    };
  }

  /** The whole jam as a screen sees it (PROTOCOL §12): no {@code you}. */
  public static Map<String, Object> screenSnapshot(Jam jam, long now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", jam.code());
    m.put("rev", jam.rev());
    for (SnapshotField f : SnapshotField.values()) {
      m.put(f.wireName(), field(jam, f));
    }
    m.put("serverTime", now);
    return m;
  }

  /** The whole jam as {@code viewerId} sees it, with its own token and votes under {@code you}. */
  public static Map<String, Object> snapshot(Jam jam, String viewerId, long now) {
    Map<String, Object> m = screenSnapshot(jam, now);
    Participant me = jam.participant(viewerId).orElseThrow();
    Map<String, Object> votes = new LinkedHashMap<>();
    for (QueueItem item : jam.queue()) {
      Integer v = item.votes().get(viewerId);
      if (v != null) {
        votes.put(item.id(), v);
      }
    }
    Map<String, Object> you = new LinkedHashMap<>();
    you.put("participantId", me.id());
    you.put("name", me.name());
    you.put("isHost", me.id().equals(jam.hostId()));
    you.put("resumeToken", me.resumeToken());
    you.put("votes", votes);
    you.put("skipVote", jam.skipVotes().contains(viewerId));
    m.put("you", you);
    return m;
  }

  /** The public summary of GET /api/jam/session/:code; never any token. */
  public static Map<String, Object> summary(Jam jam) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", jam.code());
    m.put("hostName", jam.hostName());
    m.put("participantCount", jam.participants().size());
    m.put("queueLength", jam.queue().size());
    Map<String, Object> nowPlaying = null;
    if (jam.current() != null) {
      nowPlaying = new LinkedHashMap<>();
      nowPlaying.put("title", jam.current().song().title());
      nowPlaying.put("artist", jam.current().song().artist());
    }
    m.put("nowPlaying", nowPlaying);
    m.put("createdAt", jam.createdAt());
    return m;
  }
}
