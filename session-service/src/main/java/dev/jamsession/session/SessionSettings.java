package dev.jamsession.session;

import com.hazelcast.map.IMap;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.ReactionWindow;
import java.util.function.Consumer;

/**
 * What the session verticles need from their process: the jam map and the reaction windows
 * beside it, limits, metrics, and a way to hear about members that left the cluster (each one
 * already in {@code lostGateways} when a listener hears of it).
 * {@code maxInFlight}: see {@link Admission}.
 */
record SessionSettings(IMap<String, Jam> jams, IMap<String, ReactionWindow> reactions,
                       int maxQueueSize, int maxInFlight, long disconnectGraceMs,
                       long tickIntervalMs, SessionMetrics metrics,
                       Consumer<Consumer<String>> memberLeft, LostGateways lostGateways) {}
