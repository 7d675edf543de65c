package dev.jamsession.catalog.folder;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds the audio files under a folder, following symbolic links (loops are reported, not
 * followed forever) as long as they stay inside it: a file or folder whose real path is outside
 * the folder's is skipped, so whoever can write a link into the folder cannot publish other
 * files. Files that cannot be songs whatever their content (empty, unreadable, names that are
 * not UTF-8) are set aside here; hidden files and folders are ignored.
 */
final class FolderWalk {

  /**
   * An audio file to read: where it is, its real path (what is served, resolved once here), and
   * what says whether it changed.
   */
  record Candidate(Path file, Path real, String path, List<String> names, long size, long mtime) {}

  private static final String OUTSIDE = "symbolic link leads outside the music folder";

  private final Path root;
  private final Path realRoot;
  private final List<Candidate> candidates = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();

  private FolderWalk(Path root) throws IOException {
    this.root = root;
    this.realRoot = root.toRealPath();
  }

  static FolderWalk walk(Path root) throws IOException {
    FolderWalk walk = new FolderWalk(root);
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        walk.visitor());
    return walk;
  }

  List<Candidate> candidates() {
    return candidates;
  }

  List<Skipped> skipped() {
    return skipped;
  }

  private SimpleFileVisitor<Path> visitor() {
    return new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(root)) {
          return FileVisitResult.CONTINUE;
        }
        if (isHidden(dir)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return realInside(dir, relative(dir)) == null ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (!isHidden(file) && AudioFormats.isAudio(file.getFileName().toString())) {
          consider(file, attrs);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        if (!isHidden(file)) {
          skipped.add(new Skipped(relative(file), e instanceof FileSystemLoopException
              ? "symbolic link loop" : "cannot be read (" + describe(e) + ")"));
        }
        return FileVisitResult.CONTINUE;
      }
    };
  }

  private void consider(Path file, BasicFileAttributes attrs) {
    String path = relative(file);
    if (path.indexOf('\uFFFD') >= 0) {
      skipped.add(new Skipped(path, "file name is not valid UTF-8"));
    } else if (attrs.isSymbolicLink()) {
      skipped.add(new Skipped(path, "broken symbolic link"));
    } else if (!attrs.isRegularFile()) {
      skipped.add(new Skipped(path, "not a regular file"));
    } else if (attrs.size() == 0) {
      skipped.add(new Skipped(path, "empty file (0 bytes)"));
    } else if (!Files.isReadable(file)) {
      skipped.add(new Skipped(path, "not readable"));
    } else {
      Path real = realInside(file, path);
      if (real != null) {
        candidates.add(new Candidate(file, real, path, names(file), attrs.size(),
            attrs.lastModifiedTime().toMillis()));
      }
    }
  }

  /** The real path of {@code file} when it is inside the folder; else null, and it is skipped. */
  private Path realInside(Path file, String path) {
    try {
      Path real = file.toRealPath();
      if (real.startsWith(realRoot)) {
        return real;
      }
      skipped.add(new Skipped(path, OUTSIDE));
    } catch (IOException e) {
      skipped.add(new Skipped(path, "cannot be read (" + describe(e) + ")"));
    }
    return null;
  }

  private String relative(Path file) {
    return String.join("/", names(file));
  }

  private List<String> names(Path file) {
    List<String> names = new ArrayList<>();
    for (Path name : root.relativize(file)) {
      names.add(name.toString());
    }
    return names;
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
