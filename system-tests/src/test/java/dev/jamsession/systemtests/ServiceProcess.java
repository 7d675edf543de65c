package dev.jamsession.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service JVM started from the shaded jar with its own environment, its output appended to a
 * log file. Every process started here is tracked: a JVM shutdown hook kills whatever is still
 * running, so a failed or interrupted test run never leaves processes behind.
 */
final class ServiceProcess {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      RUNNING.forEach(Process::destroyForcibly);
      // Anything else this JVM started (a grandchild included) goes too.
      ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }, "system-tests-reaper"));
  }

  /** JVM options of every service: small heaps, C1 only (two cores); failure detection is CLUSTER_FAILURE_TIMEOUT. */
  static final List<String> JVM_OPTIONS = List.of(
      "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
      "-Djava.net.preferIPv4Stack=true",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED");

  final String name;
  final String mainClass;
  /** PORT of a gateway, MANAGEMENT_PORT of the other services: where /ready answers. */
  final int httpPort;
  final int memberPort;
  private final Map<String, String> env;
  private final Path jar;
  private final Path log;
  private Process process;
  private long startedAtNanos;

  ServiceProcess(String name, String mainClass, int httpPort, int memberPort, Map<String, String> env,
                 Path jar, Path log) {
    this.name = name;
    this.mainClass = mainClass;
    this.httpPort = httpPort;
    this.memberPort = memberPort;
    this.env = new LinkedHashMap<>(env);
    this.jar = jar;
    this.log = log;
  }

  boolean isGateway() {
    return mainClass.endsWith("GatewayMain");
  }

  Path log() {
    return log;
  }

  synchronized void start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(jar.toString());
    command.add(mainClass);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    // Only what we set: nothing from the test runner's environment (PORT, CLUSTER_*, ...) leaks in.
    Map<String, String> processEnv = builder.environment();
    processEnv.keySet().retainAll(Set.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME"));
    processEnv.putAll(env);
    try {
      Files.writeString(log, "---- start " + name + " (" + mainClass + ") ----\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    startedAtNanos = System.nanoTime();
    RUNNING.add(process);
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  /** kill -9: no shutdown hook runs, Hazelcast does not leave, sockets just close. */
  void kill() throws InterruptedException {
    Process p;
    synchronized (this) {
      p = process;
    }
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroyForcibly(); // SIGKILL on Linux
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " did not die after SIGKILL");
    }
    RUNNING.remove(p);
    LOG.info("{} killed (SIGKILL)", name);
  }

  /**
   * SIGTERM, then waits for the exit (the service's own graceful shutdown); SIGKILL after
   * {@code timeout}. Returns the exit code, or -1 if it had to be killed.
   */
  int stop(Duration timeout) throws InterruptedException {
    Process p;
    synchronized (this) {
      p = process;
    }
    if (p == null || !p.isAlive()) {
      return p == null ? 0 : p.exitValue();
    }
    p.destroy(); // SIGTERM
    boolean exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      LOG.warn("{} still running {} s after SIGTERM: SIGKILL", name, timeout.toSeconds());
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    RUNNING.remove(p);
    return exited ? p.exitValue() : -1;
  }

  /** Waits until /ready answers 200; fails early, with the log's tail, if the process died. */
  void awaitReady(Duration timeout) throws Exception {
    boolean ready = Await.within(timeout, Duration.ofMillis(200), () -> {
      if (!isAlive()) {
        throw new AssertionError(name + " exited during start-up; log tail:\n" + tail(40));
      }
      return readyStatus() == 200;
    });
    if (!ready) {
      throw new AssertionError(name + " not ready after " + timeout.toSeconds() + " s; log tail:\n" + tail(40));
    }
    LOG.info("{} ready after {} ms (pid {})", name,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAtNanos), pid());
  }

  int readyStatus() {
    try {
      HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ready"))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
