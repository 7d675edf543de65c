package dev.jamsession.core.domain;

/** Server-generated identifiers and secrets for what a command creates. */
public interface Ids {
  /** A short unique id with a prefix, such as "p-" for participants or "q-" for queue items. */
  String id(String prefix);

  /** An unguessable bearer secret of at least 128 random bits. */
  String token();
}
