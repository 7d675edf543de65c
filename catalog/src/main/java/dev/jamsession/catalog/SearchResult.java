package dev.jamsession.catalog;

import dev.jamsession.core.catalog.Song;
import java.util.List;

/** One page of matches and how many there are in all. */
public record SearchResult(int total, List<Song> songs) {}
