package dev.jamsession.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** LOG_FORMAT=json makes every log line one JSON object; the default stays readable text. */
class LogFormatTest {
  private static List<String> run(String logFormat) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LogProbe.class.getName())
        .redirectErrorStream(true);
    pb.environment().remove("LOG_FORMAT");
    if (logFormat != null) {
      pb.environment().put("LOG_FORMAT", logFormat);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void jsonFormatWritesOneObjectPerLine() throws Exception {
    List<String> lines = run("json");
    assertThat(lines).hasSize(2);
    JsonObject first = new JsonObject(lines.get(0));
    assertThat(first.getString("level")).isEqualTo("INFO");
    assertThat(first.getString("loggerName")).isEqualTo("dev.jamsession.session.JamEvents");
    assertThat(first.getString("formattedMessage")).isEqualTo("Jam ABC123: p-1 joined");
    assertThat(new JsonObject(lines.get(1)).getString("level")).isEqualTo("WARN");
  }

  @Test
  void textIsTheDefault() throws Exception {
    List<String> lines = run(null);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("INFO").contains("Jam ABC123: p-1 joined").doesNotStartWith("{");
  }
}
