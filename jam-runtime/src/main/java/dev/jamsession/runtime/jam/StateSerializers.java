package dev.jamsession.runtime.jam;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.AppliedRequests;
import dev.jamsession.core.domain.HistoryEntry;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.Participant;
import dev.jamsession.core.domain.Playback;
import dev.jamsession.core.domain.QueueItem;
import dev.jamsession.core.domain.ReactionWindow;
import dev.jamsession.core.domain.Settings;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The Compact schemas of a jam and everything it holds, and of the reaction windows beside it. */
final class StateSerializers {
  private StateSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(JAM, PARTICIPANT, QUEUE_ITEM, SONG, FEATURES, PLAYBACK, SETTINGS, HISTORY, APPLIED,
        REACTION_WINDOW);
  }

  static final CompactSerializer<Jam> JAM = Compact.of(Jam.class,
      r -> new Jam(r.readString("code"), r.readInt64("rev"), r.readInt64("createdAt"),
          r.readInt64("lastActivity"), r.readString("hostName"), r.readString("hostToken"),
          r.readBoolean("hostClaimed"), r.readString("hostId"),
          List.of(r.readArrayOfCompact("participants", Participant.class)),
          List.of(r.readArrayOfCompact("queue", QueueItem.class)),
          r.readCompact("current"), r.readCompact("playback"), r.readCompact("settings"),
          List.of(r.readArrayOfCompact("history", HistoryEntry.class)),
          Set.of(r.readArrayOfString("skipVotes")), r.readInt64("nextSeq"),
          AppliedRequests.of(List.of(r.readArrayOfCompact("applied", Jam.AppliedRequest.class)))),
      (w, j) -> {
        w.writeString("code", j.code());
        w.writeInt64("rev", j.rev());
        w.writeInt64("createdAt", j.createdAt());
        w.writeInt64("lastActivity", j.lastActivity());
        w.writeString("hostName", j.hostName());
        w.writeString("hostToken", j.hostToken());
        w.writeBoolean("hostClaimed", j.hostClaimed());
        w.writeString("hostId", j.hostId());
        w.writeArrayOfCompact("participants", j.participants().toArray(new Participant[0]));
        w.writeArrayOfCompact("queue", j.queue().toArray(new QueueItem[0]));
        w.writeCompact("current", j.current());
        w.writeCompact("playback", j.playback());
        w.writeCompact("settings", j.settings());
        w.writeArrayOfCompact("history", j.history().toArray(new HistoryEntry[0]));
        w.writeArrayOfString("skipVotes", j.skipVotes().toArray(new String[0]));
        w.writeInt64("nextSeq", j.nextSeq());
        w.writeArrayOfCompact("applied", j.applied().all().toArray(new Jam.AppliedRequest[0]));
      });

  static final CompactSerializer<Participant> PARTICIPANT = Compact.of(Participant.class,
      r -> new Participant(r.readString("id"), r.readString("name"), r.readInt64("joinedAt"),
          r.readBoolean("connected"), r.readInt64("disconnectedAt"), r.readString("resumeToken"),
          r.readString("connectionId"), r.readInt32("songsAdded")),
      (w, p) -> {
        w.writeString("id", p.id());
        w.writeString("name", p.name());
        w.writeInt64("joinedAt", p.joinedAt());
        w.writeBoolean("connected", p.connected());
        w.writeInt64("disconnectedAt", p.disconnectedAt());
        w.writeString("resumeToken", p.resumeToken());
        w.writeString("connectionId", p.connectionId());
        w.writeInt32("songsAdded", p.songsAdded());
      });

  static final CompactSerializer<QueueItem> QUEUE_ITEM = Compact.of(QueueItem.class,
      r -> new QueueItem(r.readString("id"), r.readCompact("song"), r.readString("addedById"),
          r.readString("addedBy"), r.readInt64("addedAt"), r.readInt64("seq"), Compact.readVotes(r),
          r.readInt32("round")),
      (w, i) -> {
        w.writeString("id", i.id());
        w.writeCompact("song", i.song());
        w.writeString("addedById", i.addedById());
        w.writeString("addedBy", i.addedBy());
        w.writeInt64("addedAt", i.addedAt());
        w.writeInt64("seq", i.seq());
        Compact.writeVotes(w, i.votes());
        w.writeInt32("round", i.round());
      });

  static final CompactSerializer<Song> SONG = Compact.of(Song.class,
      r -> new Song(r.readString("id"), r.readString("title"), r.readString("artist"),
          r.readString("album"), r.readString("genre"), r.readInt32("year"),
          r.readInt64("durationMs"), r.readString("audioUrl"), r.readCompact("features"),
          r.readFloat64("popularity")),
      (w, s) -> {
        w.writeString("id", s.id());
        w.writeString("title", s.title());
        w.writeString("artist", s.artist());
        w.writeString("album", s.album());
        w.writeString("genre", s.genre());
        w.writeInt32("year", s.year());
        w.writeInt64("durationMs", s.durationMs());
        w.writeString("audioUrl", s.audioUrl());
        w.writeCompact("features", s.features());
        w.writeFloat64("popularity", s.popularity());
      });

  static final CompactSerializer<AudioFeatures> FEATURES = Compact.of(AudioFeatures.class,
      r -> new AudioFeatures(r.readFloat64("tempo"), r.readFloat64("energy"), r.readFloat64("valence"),
          r.readFloat64("danceability"), r.readFloat64("acousticness")),
      (w, f) -> {
        w.writeFloat64("tempo", f.tempo());
        w.writeFloat64("energy", f.energy());
        w.writeFloat64("valence", f.valence());
        w.writeFloat64("danceability", f.danceability());
        w.writeFloat64("acousticness", f.acousticness());
      });

  static final CompactSerializer<Playback> PLAYBACK = Compact.of(Playback.class,
      r -> new Playback(r.readBoolean("isPlaying"), r.readInt64("positionMs"), r.readInt64("updatedAt")),
      (w, p) -> {
        w.writeBoolean("isPlaying", p.isPlaying());
        w.writeInt64("positionMs", p.positionMs());
        w.writeInt64("updatedAt", p.updatedAt());
      });

  static final CompactSerializer<Settings> SETTINGS = Compact.of(Settings.class,
      r -> new Settings(r.readBoolean("allowVoting"), r.readInt32("maxQueueSize"),
          r.readBoolean("autoPlay"), r.readFloat64("skipThreshold"), r.readInt32("maxParticipants"),
          r.readBoolean("guestsControlPlayback"), r.readBoolean("listed"), r.readBoolean("autofill"),
          r.readBoolean("guestsCanAdd"), r.readInt32("maxSongsPerPerson"), r.readInt64("maxSongDurationMs"),
          List.of(r.readArrayOfString("blockedGenres")), r.readBoolean("fairQueue"), r.readBoolean("reactions"),
          r.readInt32("skipMaxVotes"), r.readString("mood")),
      (w, s) -> {
        w.writeBoolean("allowVoting", s.allowVoting());
        w.writeInt32("maxQueueSize", s.maxQueueSize());
        w.writeBoolean("autoPlay", s.autoPlay());
        w.writeFloat64("skipThreshold", s.skipThreshold());
        w.writeInt32("maxParticipants", s.maxParticipants());
        w.writeBoolean("guestsControlPlayback", s.guestsControlPlayback());
        w.writeBoolean("listed", s.listed());
        w.writeBoolean("autofill", s.autofill());
        w.writeBoolean("guestsCanAdd", s.guestsCanAdd());
        w.writeInt32("maxSongsPerPerson", s.maxSongsPerPerson());
        w.writeInt64("maxSongDurationMs", s.maxSongDurationMs());
        w.writeArrayOfString("blockedGenres", s.blockedGenres().toArray(new String[0]));
        w.writeBoolean("fairQueue", s.fairQueue());
        w.writeBoolean("reactions", s.reactions());
        w.writeInt32("skipMaxVotes", s.skipMaxVotes());
        w.writeString("mood", s.mood());
      });

  static final CompactSerializer<HistoryEntry> HISTORY = Compact.of(HistoryEntry.class,
      r -> new HistoryEntry(r.readCompact("song"), r.readString("addedBy"), r.readString("addedById"),
          r.readInt64("playedAt"), Compact.readVotes(r), Set.of(r.readArrayOfString("skippedBy"))),
      (w, h) -> {
        w.writeCompact("song", h.song());
        w.writeString("addedBy", h.addedBy());
        w.writeString("addedById", h.addedById());
        w.writeInt64("playedAt", h.playedAt());
        Compact.writeVotes(w, h.votes());
        w.writeArrayOfString("skippedBy", h.skippedBy().toArray(new String[0]));
      });

  static final CompactSerializer<Jam.AppliedRequest> APPLIED = Compact.of(Jam.AppliedRequest.class,
      r -> new Jam.AppliedRequest(r.readString("owner"), r.readString("requestId"), r.readString("ref"),
          r.readInt64("rev")),
      (w, a) -> {
        w.writeString("owner", a.owner());
        w.writeString("requestId", a.requestId());
        w.writeString("ref", a.ref());
        w.writeInt64("rev", a.rev());
      });

  static final CompactSerializer<ReactionWindow> REACTION_WINDOW = Compact.of(ReactionWindow.class,
      r -> new ReactionWindow(Arrays.stream(r.readArrayOfInt64("acceptedAt")).boxed().toList()),
      (w, rw) -> w.writeArrayOfInt64("acceptedAt", rw.acceptedAt().stream().mapToLong(Long::longValue).toArray()));
}
