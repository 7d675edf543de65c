package dev.jamsession.session;

import static dev.jamsession.core.protocol.Addresses.GET_RECOMMENDATIONS;
import static dev.jamsession.core.protocol.Addresses.JOIN_SESSION;
import static dev.jamsession.core.protocol.Addresses.WATCH;

import dev.jamsession.core.catalog.SongLookup;
import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.CommandParser;
import dev.jamsession.core.domain.Input;
import dev.jamsession.core.domain.Settings;
import dev.jamsession.core.domain.Views;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import dev.jamsession.runtime.bus.CommandEnvelope;
import dev.jamsession.runtime.bus.PlainJson;
import dev.jamsession.runtime.bus.Replies;
import dev.jamsession.runtime.jam.CommandResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the gateway's internal session.* requests into domain commands on the jam store and
 * publishes the resulting events on jam.events.CODE. Stateless: any number of instances.
 */
public final class SessionVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SessionVerticle.class);

  private static final long SLOW_COMMAND_MS = 100;

  private final SongLookup songs;
  private final SessionSettings settings;
  private final RecommenderClient recommender;
  private JamStore store;
  private JamEvents events;
  private SessionMetrics metrics;
  private Admission admission;

  SessionVerticle(SongLookup songs, SessionSettings settings, RecommenderClient recommender) {
    this.songs = songs;
    this.settings = settings;
    this.recommender = recommender;
  }

  @Override
  public Future<?> start() {
    store = new JamStore(vertx, settings.jams(), settings.reactions());
    admission = new Admission(settings.maxInFlight());
    metrics = settings.metrics();
    events = new JamEvents(vertx, metrics);
    EventBus bus = vertx.eventBus();
    return Future.all(List.of(
        bus.<JsonObject>consumer(Addresses.SESSION_COMMAND, this::command).completion(),
        bus.<JsonObject>consumer(Addresses.SESSION_CREATE, this::create).completion(),
        bus.<JsonObject>consumer(Addresses.SESSION_SUMMARY, this::summary).completion(),
        bus.<JsonObject>consumer(Addresses.SESSION_LIST, this::list).completion(),
        bus.<JsonObject>consumer(Addresses.SESSION_DISCONNECT, this::disconnect).completion(),
        bus.<JsonObject>consumer(Addresses.SESSION_EXPIRY_CANDIDATES, this::expiryCandidates).completion(),
        bus.<JsonObject>consumer(Addresses.SESSION_EXPIRE, this::expire).completion(),
        bus.<JsonObject>consumer(Addresses.SESSION_STATS, this::stats).completion(),
        bus.<JsonObject>consumer(Addresses.SESSION_PING, msg -> msg.reply(Replies.ok(new JsonObject()))).completion()));
  }

  /**
   * A participant's command, with the identity the gateway bound ({@link CommandEnvelope}).
   * When {@link Admission} says the store is overloaded, it is refused at once: a queue that grows
   * without bound makes every command late, and a gateway that gave up on one retries it, which
   * turns overload into collapse (docs/ARCHITECTURE.md, "Overload").
   */
  private void command(Message<JsonObject> msg) {
    CommandEnvelope in = CommandEnvelope.fromJson(msg.body());
    Command command;
    try {
      if (JOIN_SESSION.equals(in.cmd())) {
        command = CommandParser.parseJoin(in.decodedBody(), in.connectionId());
      } else if (WATCH.equals(in.cmd())) {
        command = new Command.Watch(); // the gateway checked the code; it routes like a join's
      } else if (GET_RECOMMENDATIONS.equals(in.cmd())) {
        recommend(in.code(), in.participantId(), in.connectionId(), in.decodedBody())
            .onComplete(ar -> msg.reply(ar.succeeded() ? Replies.ok(ar.result()) : Replies.error(ar.cause())));
        return;
      } else if (CommandParser.isJamCommand(in.cmd())) {
        command = CommandParser.parse(in.cmd(), in.participantId(), in.decodedBody(), songs);
      } else {
        msg.reply(Replies.error(ErrorCode.INVALID_INPUT, "Unknown command"));
        return;
      }
    } catch (JamException e) {
      msg.reply(Replies.error(e));
      return;
    }
    if (in.code() == null) {
      msg.reply(Replies.error(ErrorCode.NOT_JOINED, "Join the jam first"));
      return;
    }
    if (in.requestId() != null) {
      // Scoped to who asked (a join: its connection), so nobody can replay or block another's id,
      // and to the command: the same id on another command is another request, never a replay.
      String owner = JOIN_SESSION.equals(in.cmd()) || in.participantId() == null
          ? in.connectionId() : in.participantId();
      command = new Command.Tracked(owner, in.cmd() + " " + in.requestId(), command);
    }
    if (!JOIN_SESSION.equals(in.cmd())) {
      // The gateway's binding of this connection may be stale (a resume elsewhere that it has not
      // heard of yet): the jam itself checks that the connection is still its participant's.
      command = new Command.Via(in.connectionId(), command);
    }
    if (!admission.tryStart()) {
      metrics.shed();
      msg.reply(Replies.error(ErrorCode.UNAVAILABLE, "The server is busy; please try again in a moment"));
      return;
    }
    long started = System.nanoTime();
    run(in.code(), command, in.receivedAt(), in.cmd())
        .compose(result -> JOIN_SESSION.equals(in.cmd()) ? disconnectIfGatewayLost(in).map(result)
            : Future.succeededFuture(result))
        .onComplete(ar -> {
          admission.done(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
          msg.reply(ar.succeeded()
              ? Replies.ok(new JsonObject(Buffer.buffer(ar.result().reply())))
              : Replies.error(ar.cause()));
        });
  }

  /**
   * A join whose gateway has already left the cluster (in flight when it died, run after the
   * ticker handled that loss) is disconnected as the loss disconnected the others: its grace
   * period starts, and nobody stays connected without a socket (docs/ARCHITECTURE.md,
   * "Disconnect is not leave").
   */
  private Future<Void> disconnectIfGatewayLost(CommandEnvelope in) {
    String gateway = settings.lostGateways().lostGatewayOf(in.connectionId());
    return gateway == null ? Future.succeededFuture()
        : run(in.code(), new Command.GatewayLost(gateway), in.receivedAt(), "gateway-lost").<Void>mapEmpty().otherwiseEmpty();
  }

  /** Executes a command and publishes its events; the future carries the result or the refusal. */
  private Future<CommandResult> run(String code, Command command, long receivedAt, String name) {
    long start = System.nanoTime();
    long now = System.currentTimeMillis();
    return store.execute(code, command, now)
        .compose(result -> admit(code, command, now).map(result))
        .onSuccess(result -> events.publish(code, command, result, receivedAt))
        .onFailure(t -> {
          if (t instanceof JamException je) {
            LOG.debug("Jam {}: {} refused: {}", code, name, je.code());
          } else {
            LOG.error("Jam {}: {} failed", code, name, t);
          }
        })
        .onComplete(ar -> {
          long nanos = System.nanoTime() - start;
          metrics.commandTimer(name).record(nanos, TimeUnit.NANOSECONDS);
          if (nanos / 1_000_000 > SLOW_COMMAND_MS) {
            LOG.warn("Jam {}: {} took {} ms", code, name, nanos / 1_000_000);
          }
        });
  }

  /**
   * A reaction the jam accepted is published only within its sender's rate (PROTOCOL §12): the
   * window is counted after the jam's own checks, so a refused reaction never counts.
   */
  private Future<Void> admit(String code, Command command, long now) {
    Command inner = Command.unwrapped(command);
    return inner instanceof Command.React react
        ? store.admitReaction(code, react.actor(), now)
        : Future.succeededFuture();
  }

  /**
   * Membership, then the limit (1..50, default 10) and the mood (§13: the body's when it has the
   * field, null for none; else the jam's), then the recommender.
   */
  private Future<JsonObject> recommend(String code, String participantId, String connectionId, Object rawBody) {
    if (code == null) {
      return Future.failedFuture(new JamException(ErrorCode.NOT_JOINED, "Join the jam first"));
    }
    return store.get(code).compose(jam -> {
      if (participantId == null || jam.participant(participantId).filter(p -> p.isLiveOn(connectionId)).isEmpty()) {
        return Future.failedFuture(new JamException(ErrorCode.NOT_JOINED, "Join the jam first"));
      }
      Map<String, Object> body = Input.body(rawBody);
      Object rawLimit = body.get("limit");
      int limit = rawLimit == null ? 10 : (int) Input.integer(rawLimit, "limit", 1, 50);
      String mood = body.containsKey("mood") ? Settings.mood(body.get("mood")) : jam.settings().mood();
      return recommender.recommend(jam, limit, mood);
    });
  }

  private void create(Message<JsonObject> msg) {
    Settings jamSettings;
    String hostName;
    try {
      JsonObject in = msg.body();
      hostName = Input.name(in.getValue("hostName"), "hostName");
      Object rawSettings = in.getValue("settings");
      if (rawSettings != null && !(rawSettings instanceof JsonObject)) {
        throw Input.invalid("settings must be an object");
      }
      Settings defaults = Settings.defaults(settings.maxQueueSize());
      jamSettings = rawSettings == null ? defaults : defaults.apply(PlainJson.of((JsonObject) rawSettings));
    } catch (JamException e) {
      msg.reply(Replies.error(e));
      return;
    }
    store.create(hostName, jamSettings).onComplete(ar -> {
      if (ar.succeeded()) {
        metrics.jamCreated();
        LOG.info("Jam {} created", ar.result().code());
        msg.reply(Replies.ok(new JsonObject()
            .put("sessionCode", ar.result().code())
            .put("hostToken", ar.result().hostToken())));
      } else {
        msg.reply(Replies.error(ar.cause()));
      }
    });
  }

  private void summary(Message<JsonObject> msg) {
    store.get(msg.body().getString("code", "")).onComplete(ar -> msg.reply(ar.succeeded()
        ? Replies.ok(Views.summary(ar.result()))
        : Replies.error(ar.cause())));
  }

  private void list(Message<JsonObject> msg) {
    store.list(msg.body().getBoolean("all", false)).onComplete(ar -> {
      if (ar.succeeded()) {
        JsonArray sessions = new JsonArray();
        ar.result().forEach(jam -> sessions.add(new JsonObject(Views.summary(jam))));
        msg.reply(Replies.ok(new JsonObject().put("sessions", sessions)));
      } else {
        msg.reply(Replies.error(ar.cause()));
      }
    });
  }

  /**
   * A connection dropped: the participant stays for the grace period (docs/ARCHITECTURE.md,
   * "Disconnect is not leave"). Answered, so that the gateway can retry one that got lost; never
   * shed by {@link Admission}, since a lost disconnect leaves a participant connected for good.
   */
  private void disconnect(Message<JsonObject> msg) {
    JsonObject in = msg.body();
    run(in.getString("code", ""), new Command.Disconnect(in.getString("connectionId")),
        System.currentTimeMillis(), "disconnect")
        .onComplete(ar -> msg.reply(ar.succeeded() ? Replies.ok(new JsonObject()) : Replies.error(ar.cause())));
  }

  private void stats(Message<JsonObject> msg) {
    store.stats().onComplete(ar -> msg.reply(ar.succeeded()
        ? Replies.ok(new JsonObject()
            .put("jams", ar.result().jams())
            .put("participants", ar.result().participants())
            .put("connectedParticipants", ar.result().connectedParticipants())
            .put("queuedSongs", ar.result().queuedSongs())
            .put("playingJams", ar.result().playingJams()))
        : Replies.error(ar.cause())));
  }

  private void expiryCandidates(Message<JsonObject> msg) {
    store.expiryCandidates(msg.body().getLong("idleBefore", 0L), settings.disconnectGraceMs())
        .onComplete(ar -> msg.reply(ar.succeeded()
            ? Replies.ok(new JsonObject().put("codes", new JsonArray(ar.result())))
            : Replies.error(ar.cause())));
  }

  /** Cleanup's request; the jam re-checks the condition itself, so a jam that woke up is kept. */
  private void expire(Message<JsonObject> msg) {
    JsonObject in = msg.body();
    run(in.getString("code", ""), new Command.Expire(in.getLong("idleBefore", 0L), settings.disconnectGraceMs()),
        System.currentTimeMillis(), "expire")
        .onComplete(ar -> msg.reply(Replies.ok(new JsonObject().put("ended", ar.succeeded() && ar.result().ended()))));
  }
}
