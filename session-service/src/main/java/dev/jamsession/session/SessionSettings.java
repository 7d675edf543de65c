package dev.jamsession.session;

import com.hazelcast.map.IMap;
import dev.jamsession.core.domain.Jam;
import java.util.function.Consumer;

/**
 * What the session verticles need from their process: the jam map, limits, metrics, and a way
 * to hear about members that left the cluster.
 */
record SessionSettings(IMap<String, Jam> jams, int maxQueueSize, long disconnectGraceMs,
                       long tickIntervalMs, SessionMetrics metrics,
                       Consumer<Consumer<String>> memberLeft) {}
