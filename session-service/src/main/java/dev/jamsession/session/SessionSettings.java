package dev.jamsession.session;

import com.hazelcast.map.IMap;
import dev.jamsession.core.domain.Jam;

/** What the session verticles need from their process: the jam map and the jam-wide limits. */
public record SessionSettings(IMap<String, Jam> jams, int maxQueueSize, long disconnectGraceMs,
                              long tickIntervalMs) {}
