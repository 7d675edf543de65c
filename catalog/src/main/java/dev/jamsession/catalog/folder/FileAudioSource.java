package dev.jamsession.catalog.folder;

import dev.jamsession.catalog.AudioSource;
import dev.jamsession.catalog.Picture;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A song's own file in the music folder, found by the scan; ids never become paths. The path is
 * the real one the scan checked to be inside the folder, served as it is: not resolved again,
 * and refused if it has become a symbolic link since.
 */
final class FileAudioSource implements AudioSource {

  private final String contentType;
  private final Path file;

  FileAudioSource(String contentType, Path file) {
    this.contentType = contentType;
    this.file = file;
  }

  @Override
  public String contentType() {
    return contentType;
  }

  @Override
  public Path file() throws NoSuchFileException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(file.toString(), null, "removed or replaced since the scan");
    }
    return file;
  }

  @Override
  public Optional<Picture> picture() {
    return EmbeddedPicture.read(file);
  }
}
