package dev.jamsession.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A song's audio as a local file. {@link #file()} may render it first (the demo library
 * synthesises on first use), so call it off the event loop.
 */
public interface AudioSource {
  /** MIME type, e.g. audio/wav, audio/mpeg. */
  String contentType();

  /** The file to stream, created if needed; never outside the catalog's folders. */
  Path file() throws IOException;

  /** The cover picture embedded in the file's tags, if any; reads the file, so off the event loop. */
  default Optional<Picture> picture() {
    return Optional.empty();
  }
}
