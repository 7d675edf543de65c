package dev.jamsession.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

  /**
   * The file once it can be streamed, without holding the caller while it is created: the demo
   * library renders on a bounded renderer of its own and fails with {@link AudioBusyException}
   * when that is full. It may look at the disk, so call it off the event loop too.
   */
  default CompletionStage<Path> whenReady() {
    try {
      return CompletableFuture.completedFuture(file());
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
