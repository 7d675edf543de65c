package dev.jamsession.runtime.jam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.Settings;
import dev.jamsession.core.protocol.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.AbstractMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The processor on plain map entries: what the owner and its backup do with one command. */
class JamProcessorTest {
  private static final String CODE = "PRC123";

  private static Map.Entry<String, Jam> entry() {
    return new AbstractMap.SimpleEntry<>(CODE, Jam.create(CODE, "Ana", "host-token", Settings.defaults(50), 1_000));
  }

  @Test
  void theBackupReachesTheOwnersStateWithTheSameIdsAndEncodesNothing() {
    JamProcessor owner = JamProcessor.of(new Command.Join("Ana", "host-token", null, "gw/1"), 2_000);
    Map.Entry<String, Jam> onOwner = entry();
    Map.Entry<String, Jam> onBackup = entry();
    CommandResult result = owner.process(onOwner);
    assertThat(owner.getBackupProcessor().process(onBackup)).isNull();
    assertThat(onBackup.getValue()).isEqualTo(onOwner.getValue());
    assertThat(onOwner.getValue().participants().get(0).resumeToken()).hasSizeGreaterThanOrEqualTo(22); // ≥ 128 bits
    JsonObject reply = new JsonObject(Buffer.buffer(result.reply()));
    assertThat(reply.getLong("rev")).isEqualTo(1);
    assertThat(reply.getJsonObject("you").getString("participantId")).isEqualTo(onOwner.getValue().hostId());
    assertThat(result.events()).singleElement().satisfies(e -> {
      assertThat(e.participantId()).isEqualTo(onOwner.getValue().hostId());
      assertThat(new JsonObject(Buffer.buffer(e.json())).getString("type")).isEqualTo("participant-joined");
    });
  }

  @Test
  void anotherSeedDrawsOtherIds() {
    Command join = new Command.Join("Ana", "host-token", null, "gw/1");
    Map.Entry<String, Jam> first = entry();
    Map.Entry<String, Jam> second = entry();
    JamProcessor.of(join, 2_000).process(first);
    JamProcessor.of(join, 2_000).process(second);
    assertThat(first.getValue().hostId()).isNotEqualTo(second.getValue().hostId());
  }

  @Test
  void aRefusalIsReturnedAndChangesNothing() {
    Map.Entry<String, Jam> e = entry();
    Jam before = e.getValue();
    CommandResult result = JamProcessor.of(new Command.PlayNext("p-nobody"), 2_000).process(e);
    assertThat(result.refusal()).isEqualTo(ErrorCode.NOT_JOINED);
    assertThat(e.getValue()).isSameAs(before);
  }

  @Test
  void aSweepThatChangesNothingReturnsNothing() {
    assertThat(JamProcessor.of(new Command.Tick(30_000), 2_000).process(entry())).isNull();
  }
}
