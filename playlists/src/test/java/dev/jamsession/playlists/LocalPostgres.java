package dev.jamsession.playlists;

import dev.jamsession.testkit.FreePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's postgresql package: initdb in a temp dir, the
 * server on a free loopback port (pg_ctl -w returns once it accepts connections), stopped and
 * deleted on close. PostgreSQL refuses to run as root, so as root it runs as user postgres.
 */
record LocalPostgres(Path dir, Path bin, int port) implements AutoCloseable {

  static LocalPostgres start() throws Exception {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("jam-pg");
    int port = FreePort.loopback();
    LocalPostgres pg = new LocalPostgres(dir, bin, port);
    if (isRoot()) {
      run(List.of("chown", "-R", "postgres", dir.toString()));
    }
    pg.postgres("initdb", "-D", dir.resolve("data").toString(), "-U", "jam", "-A", "trust",
        "-E", "UTF8", "--no-sync");
    pg.postgres("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
        "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "start");
    return pg;
  }

  String url() {
    return "postgresql://jam@127.0.0.1:" + port + "/postgres";
  }

  @Override
  public void close() throws Exception {
    try {
      postgres("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void postgres(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed:\n"
          + new String(out, StandardCharsets.UTF_8));
    }
  }

  /** The newest installed server's bin directory (Debian keeps it off the PATH). */
  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        var newest = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
            .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())));
        if (newest.isPresent()) {
          return newest.get();
        }
      }
    }
    throw new IllegalStateException("PostgreSQL is not installed: apt-get install -y postgresql");
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
