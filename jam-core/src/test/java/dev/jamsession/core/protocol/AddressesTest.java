package dev.jamsession.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AddressesTest {
  /** The web client keeps its own copy (it is TypeScript); this keeps the two lists equal. */
  @Test
  void theWebClientsStateChangingCommandsAreOurs() throws Exception {
    String source = Files.readString(Path.of("..", "web", "src", "lib", "requestId.ts"));
    Matcher block = Pattern.compile("STATE_CHANGING = new Set\\(\\[(.*?)\\]\\)", Pattern.DOTALL).matcher(source);
    assertThat(block.find()).as("STATE_CHANGING in requestId.ts").isTrue();
    Matcher names = Pattern.compile("'([a-z.-]+)'").matcher(block.group(1));
    java.util.List<String> web = new java.util.ArrayList<>();
    while (names.find()) {
      web.add(names.group(1));
    }
    assertThat(web).containsExactlyInAnyOrderElementsOf(Addresses.STATE_CHANGING_COMMANDS);
  }

  @Test
  void everyPublicCommandIsUnderThePrefixTheBridgeGuards() {
    assertThat(Addresses.PUBLIC_COMMANDS).allMatch(a -> a.startsWith("jam.") && !a.startsWith(Addresses.EVENTS_PREFIX))
        .containsAll(Addresses.STATE_CHANGING_COMMANDS).hasSize(18);
  }
}
