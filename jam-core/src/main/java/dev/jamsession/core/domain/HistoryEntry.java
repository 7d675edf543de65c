package dev.jamsession.core.domain;

import dev.jamsession.core.catalog.Song;
import java.io.Serializable;

/** A song that was played, newest first in a jam's history. */
public record HistoryEntry(Song song, String addedBy, String addedById, long playedAt)
    implements Serializable {}
