package dev.jamsession.session;

import dev.jamsession.core.domain.Command;
import dev.jamsession.runtime.jam.CommandResult;
import dev.jamsession.runtime.jam.EncodedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the session side counts (the original design's metric list). Labels stay bounded:
 * command names and leave reasons, never a jam code or a participant.
 */
final class SessionMetrics {
  private final MeterRegistry registry;
  private final Counter created;
  private final Counter joins;
  private final Counter songsAdded;
  private final Counter votes;
  private final Counter skipVotes;
  private final Counter songsSkipped;
  private final Counter shed;
  private final Timer sessionDuration;
  private final DistributionSummary participantsPerSession;
  private final DistributionSummary queueLength;
  final AtomicLong activeSessions = new AtomicLong();
  final AtomicLong participants = new AtomicLong();
  final AtomicLong connectedParticipants = new AtomicLong();
  private final Map<String, Timer> commandTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> leaves = new ConcurrentHashMap<>();

  SessionMetrics(MeterRegistry registry) {
    this.registry = registry;
    created = Counter.builder("jam.sessions.opened").description("Jams created (a Prometheus name may not end in _created)").register(registry);
    joins = Counter.builder("jam.joins").description("Participants who joined a jam").register(registry);
    songsAdded = Counter.builder("jam.songs.added").description("Songs added to queues").register(registry);
    votes = Counter.builder("jam.votes").description("Votes cast or changed").register(registry);
    skipVotes = Counter.builder("jam.skip.votes").description("Votes to skip").register(registry);
    shed = Counter.builder("jam.commands.shed")
        .description("Commands refused UNAVAILABLE because too many were running (SESSION_MAX_IN_FLIGHT)")
        .register(registry);
    songsSkipped = Counter.builder("jam.songs.skipped").description("Songs skipped by the host or by vote").register(registry);
    sessionDuration = Timer.builder("jam.session.duration").description("How long jams lasted")
        .publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(12)).register(registry);
    participantsPerSession = DistributionSummary.builder("jam.participants.per.session")
        .description("Participants per jam, sampled at each census").publishPercentileHistogram()
        .maximumExpectedValue(500.0).register(registry);
    queueLength = DistributionSummary.builder("jam.queue.length")
        .description("Queue length per jam, sampled at each census").publishPercentileHistogram()
        .maximumExpectedValue(200.0).register(registry);
    registry.gauge("jam.sessions.active", activeSessions);
    registry.gauge("jam.participants", participants);
    registry.gauge("jam.participants.connected", connectedParticipants);
  }

  void jamCreated() {
    created.increment();
  }

  void shed() {
    shed.increment();
  }

  /** {@code command} is a validated command name: a bounded set of tags. */
  Timer commandTimer(String command) {
    return commandTimers.computeIfAbsent(command, c -> Timer.builder("jam.command.duration").tag("command", c)
        .description("Time to apply a command, including the jam's entry processor")
        .publishPercentileHistogram().register(registry));
  }

  /** Counts what a successful command or tick did, from its command and events. */
  void record(Command command, CommandResult result) {
    Command inner = Command.unwrapped(command);
    if (result.changed()) {
      if (inner instanceof Command.AddToQueue) {
        songsAdded.increment();
      } else if (inner instanceof Command.QueuePlaylist) {
        songsAdded.increment(new JsonObject(Buffer.buffer(result.reply())).getInteger("added", 0));
      } else if (inner instanceof Command.Vote) {
        votes.increment();
      } else if (inner instanceof Command.VoteSkip) {
        skipVotes.increment();
      }
    }
    boolean advanced = false;
    for (EncodedEvent event : result.events()) {
      switch (event.type()) {
        case PARTICIPANT_JOINED -> joins.increment();
        case PARTICIPANT_LEFT -> leaves.computeIfAbsent(event.reason(),
            reason -> Counter.builder("jam.leaves").tag("reason", reason)
                .description("Participants who left, by reason").register(registry)).increment();
        case SESSION_ENDED -> sessionDuration.record(Duration.ofMillis(event.durationMs()));
        case NOW_PLAYING -> advanced = true;
        default -> { }
      }
    }
    if (advanced && (inner instanceof Command.PlayNext || inner instanceof Command.VoteSkip)) {
      songsSkipped.increment();
    }
  }

  void census(long jams, long people, long connected, Iterable<long[]> perJam) {
    activeSessions.set(jams);
    participants.set(people);
    connectedParticipants.set(connected);
    for (long[] sizes : perJam) {
      participantsPerSession.record(sizes[0]);
      queueLength.record(sizes[1]);
    }
  }
}
