package dev.jamsession.runtime.jam;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.jamsession.core.domain.EventType;
import dev.jamsession.core.protocol.ErrorCode;
import java.util.List;

/** The Compact schemas of what is sent to a jam's owner and what comes back. */
final class ProcessorSerializers {
  private ProcessorSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(
        Compact.of(JamProcessor.class,
            r -> new JamProcessor(r.readCompact("command"), r.readInt64("now"), r.readArrayOfInt8("seed"),
                r.readBoolean("backup")),
            (w, p) -> {
              w.writeCompact("command", p.command());
              w.writeInt64("now", p.now());
              w.writeArrayOfInt8("seed", p.seed());
              w.writeBoolean("backup", p.backup());
            }),
        Compact.of(CommandResult.class,
            r -> {
              String refusal = r.readString("refusal");
              return new CommandResult(r.readBoolean("changed"), r.readBoolean("ended"),
                  r.readArrayOfInt8("reply"), List.of(r.readArrayOfCompact("events", EncodedEvent.class)),
                  refusal == null ? null : ErrorCode.valueOf(refusal), r.readString("refusalMessage"));
            },
            (w, c) -> {
              w.writeBoolean("changed", c.changed());
              w.writeBoolean("ended", c.ended());
              w.writeArrayOfInt8("reply", c.reply());
              w.writeArrayOfCompact("events", c.events().toArray(new EncodedEvent[0]));
              w.writeString("refusal", c.refusal() == null ? null : c.refusal().name());
              w.writeString("refusalMessage", c.refusalMessage());
            }),
        Compact.of(EncodedEvent.class,
            r -> new EncodedEvent(EventType.valueOf(r.readString("type")), r.readInt64("rev"),
                r.readString("participantId"), r.readString("reason"), r.readString("detachedConnection"),
                r.readInt64("durationMs"), r.readArrayOfInt8("json")),
            (w, e) -> {
              w.writeString("type", e.type().name());
              w.writeInt64("rev", e.rev());
              w.writeString("participantId", e.participantId());
              w.writeString("reason", e.reason());
              w.writeString("detachedConnection", e.detachedConnection());
              w.writeInt64("durationMs", e.durationMs());
              w.writeArrayOfInt8("json", e.json());
            }),
        Compact.of(ReactionGate.class, r -> new ReactionGate(r.readInt64("now")),
            (w, g) -> w.writeInt64("now", g.now())),
        Compact.of(CreateIfAbsent.class, r -> new CreateIfAbsent(r.readCompact("jam")),
            (w, c) -> w.writeCompact("jam", c.jam())),
        Compact.of(JamStats.class,
            r -> new JamStats(r.readInt64("jams"), r.readInt64("participants"),
                r.readInt64("connectedParticipants"), r.readInt64("queuedSongs"), r.readInt64("playingJams")),
            (w, s) -> {
              w.writeInt64("jams", s.jams());
              w.writeInt64("participants", s.participants());
              w.writeInt64("connectedParticipants", s.connectedParticipants());
              w.writeInt64("queuedSongs", s.queuedSongs());
              w.writeInt64("playingJams", s.playingJams());
            }),
        Compact.of(JamStatsAggregator.class, r -> new JamStatsAggregator(r.readCompact("totals")),
            (w, a) -> w.writeCompact("totals", a.totals())),
        Compact.of(JamQueries.Listed.class, r -> new JamQueries.Listed(), (w, q) -> { }),
        Compact.of(JamQueries.ExpiryCandidate.class,
            r -> new JamQueries.ExpiryCandidate(r.readInt64("idleBefore"), r.readInt64("emptyBefore")),
            (w, q) -> {
              w.writeInt64("idleBefore", q.idleBefore());
              w.writeInt64("emptyBefore", q.emptyBefore());
            }),
        Compact.of(JamQueries.NeedsAutofill.class, r -> new JamQueries.NeedsAutofill(r.readInt64("now")),
            (w, q) -> w.writeInt64("now", q.now())));
  }
}
