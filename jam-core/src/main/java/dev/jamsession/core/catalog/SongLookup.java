package dev.jamsession.core.catalog;

import java.util.Optional;

/** Resolves the song ids that clients send. */
@FunctionalInterface
public interface SongLookup {
  Optional<Song> byId(String id);
}
