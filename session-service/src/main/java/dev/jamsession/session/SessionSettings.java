package dev.jamsession.session;

import com.hazelcast.map.IMap;
import dev.jamsession.core.domain.Jam;
import java.util.function.Consumer;

/**
 * What the session verticles need from their process: the jam map, limits, metrics, and a way
 * to hear about members that left the cluster. {@code maxInFlight}: participants' commands one
 * session verticle has running at once before it answers UNAVAILABLE at once (load shedding).
 */
record SessionSettings(IMap<String, Jam> jams, int maxQueueSize, int maxInFlight, long disconnectGraceMs,
                       long tickIntervalMs, SessionMetrics metrics,
                       Consumer<Consumer<String>> memberLeft) {}
