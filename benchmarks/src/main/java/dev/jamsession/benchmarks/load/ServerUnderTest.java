package dev.jamsession.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The server being measured: the all-in-one jar started here as a child process on free loopback
 * ports (a cluster of its own), or one already running at a URL. Its CPU and RSS come from
 * /proc of its pid.
 */
final class ServerUnderTest implements AutoCloseable {
  /** USER_HZ: the unit of utime and stime in /proc/<pid>/stat on Linux. */
  private static final long NANOS_PER_TICK = 10_000_000L;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final int START_ATTEMPTS = 3;

  private static final class PortTaken extends IllegalStateException {
    PortTaken(String message) {
      super(message);
    }
  }

  final URI base;
  final long pid;
  final List<String> command;
  private final Process process;
  final Path log;

  private ServerUnderTest(URI base, long pid, List<String> command, Process process, Path log) {
    this.base = base;
    this.pid = pid;
    this.command = command;
    this.process = process;
    this.log = log;
  }

  static ServerUnderTest attach(String url, long pid) {
    return new ServerUnderTest(URI.create(url.endsWith("/") ? url : url + "/"), pid, List.of(), null, null);
  }

  /**
   * Starts {@code java [jvmOptions] -jar jar} with the rate limits raised so that one load machine
   * can drive it (one client address, thousands of connections), then {@code extraEnv}.
   */
  static ServerUnderTest start(Path jar, List<String> jvmOptions, Map<String, String> extraEnv, Path log)
      throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar.toAbsolutePath()
          + ": build it with mvn -B -q -pl launcher -am package -DskipTests");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnFreePorts(jar, jvmOptions, extraEnv, log);
      } catch (PortTaken e) {
        // A free port can be taken by another process between our pick and the server's bind.
        if (attempt == START_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static ServerUnderTest startOnFreePorts(Path jar, List<String> jvmOptions, Map<String, String> extraEnv,
                                                  Path log) throws Exception {
    int port = freePort();
    int clusterPort = freePort();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", Integer.toString(port));
    env.put("HOST", "127.0.0.1");
    env.put("MANAGEMENT_PORT", Integer.toString(freePort()));
    // A cluster of its own: never joins another Hazelcast member on this machine.
    env.put("CLUSTER_NAME", "jam-load-" + UUID.randomUUID().toString().substring(0, 8));
    env.put("CLUSTER_HOST", "127.0.0.1");
    env.put("CLUSTER_PORT", Integer.toString(clusterPort));
    env.put("CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort);
    env.put("RATE_LIMIT_MAX", "1000000");
    env.put("WS_RATE_LIMIT_MAX", "1000000");
    env.put("WS_IP_RATE_LIMIT_MAX", "10000000");
    // One client address creates every jam and holds every socket.
    env.put("CREATE_RATE_LIMIT_MAX", "1000000");
    env.put("WS_MAX_PER_IP", "1000000");
    env.put("WS_MAX_CONNECTIONS", "1000000");
    env.putAll(extraEnv);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    Path logFile = log != null ? log : Files.createTempFile("jam-load-server-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    ServerUnderTest server = new ServerUnderTest(URI.create("http://127.0.0.1:" + port + "/"), process.pid(),
        List.copyOf(command), process, logFile);
    // An interrupted run (Ctrl-C) must not leave the server behind.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "load-server-reaper"));
    try {
      server.awaitReady();
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready = HttpRequest.newBuilder(base.resolve("ready")).timeout(Duration.ofSeconds(2)).GET().build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        if (Files.readString(log).contains("Address already in use")) {
          throw new PortTaken("the server could not bind its ports; see " + log);
        }
        throw new IllegalStateException("the server exited during start-up; see " + log);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      // Readiness has no event to await from outside the process: poll it.
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + log);
  }

  /** utime + stime of the server process in nanoseconds, or -1 without a pid. */
  long cpuNanos() {
    return cpuNanos(pid);
  }

  /** VmRSS of the server process in bytes, or -1 without a pid. */
  long rssBytes() {
    if (pid <= 0) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long cpuNanos(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server this run started (SIGTERM, then SIGKILL after 15 s); leaves an attached one alone. */
  @Override
  public void close() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
