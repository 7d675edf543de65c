package dev.jamsession.session;

import com.hazelcast.map.IMap;
import dev.jamsession.core.domain.Jam;

/** What the session verticles need from their process: the jam map, limits and metrics. */
record SessionSettings(IMap<String, Jam> jams, int maxQueueSize, long disconnectGraceMs,
                       long tickIntervalMs, SessionMetrics metrics) {}
