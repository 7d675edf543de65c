package dev.jamsession.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that look blank, hide text or copy another participant's (issue 11, finding 12). */
class NameRulesTest {

  private static void refused(String name, String messagePart) {
    assertThatThrownBy(() -> Input.name(name, "userName"))
        .isInstanceOfSatisfying(JamException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u3164", "\u115F", "\u2800", "\u2800\u2800", "\uFFA0", "Ana\u3164", "\u2800Ana"})
  void fillersAreRefusedWhereverTheyStand(String name) {
    refused(name, "blank-looking");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ana\u00AD", "A\u034Fna", "Ana\u2060", "Ana\uFEFF", "Ana\uFE00", "\uFE0F", "Ana\uDB40\uDC41"})
  void defaultIgnorableCodePointsAreRefused(String name) {
    refused(name, "invisible");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ana\u2028Ben", "Ana\u2029Ben", "Ana\u0007", "A\u0085B"})
  void lineAndParagraphSeparatorsAndControlsAreRefused(String name) {
    refused(name, "line breaks");
  }

  @Test
  void moreThanTwoStackedMarksAreRefused() {
    refused("Z\u0301\u0302\u0303algo", "stack more than 2");
    refused("\u0301\u0301", "visible");
    assertThat(Input.name("Ngu\u031B\u0303y", "userName")).isEqualTo("Ngữy"); // two marks, NFC
    assertThat(Input.name("Jose\u0301", "userName")).isEqualTo("José");
    assertThat(Input.name("x\u0301\u0302", "userName")).isEqualTo("x\u0301\u0302"); // two stay
  }

  @Test
  void aNameNeedsAVisibleCharacter() {
    refused("\u0300", "visible");
    assertThat(Input.name("!!", "userName")).isEqualTo("!!");
    assertThat(Input.name("7", "userName")).isEqualTo("7");
    assertThat(Input.name("Ana Bel", "userName")).isEqualTo("Ana Bel");
  }

  @Test
  void emojiPresentationSelectorsAfterAVisibleCharacterStay() {
    assertThat(Input.name("Ana \u2764\uFE0F", "userName")).isEqualTo("Ana \u2764\uFE0F");
    refused("Ana \uFE0F", "invisible");
  }

  @Test
  void aDuplicateNameGetsTheFirstFreeNumber() {
    assertThat(Names.unique("Ana", List.of("Ben"))).isEqualTo("Ana");
    assertThat(Names.unique("Ana", List.of("Ana"))).isEqualTo("Ana 2");
    assertThat(Names.unique("ANA", List.of("ana", "Ana 2"))).isEqualTo("ANA 3");
    assertThat(Names.unique("\uFF21na", List.of("ana"))).isEqualTo("\uFF21na 2"); // full-width A
    assertThat(Names.unique("Ana 2", List.of("Ana", "Ana 2"))).isEqualTo("Ana 2 2");
  }

  @Test
  void aNumberedDuplicateStaysWithinTwentyCodePoints() {
    String twenty = "abcdefghijklmnopqrst";
    String unique = Names.unique(twenty, List.of(twenty));
    assertThat(unique).isEqualTo("abcdefghijklmnopqr 2");
    assertThat(unique.codePointCount(0, unique.length())).isEqualTo(Input.MAX_NAME_CODE_POINTS);
    assertThat(Names.unique("abcdefghijklmnopq rs", List.of("abcdefghijklmnopq rs"))).isEqualTo("abcdefghijklmnopq 2");
  }

  @Test
  void theEngineRenamesASecondAnaAndNotAResumedOne() {
    JamFixture f = new JamFixture();
    String host = f.host();
    String second = f.guest("ana");
    assertThat(f.participant(host).name()).isEqualTo("Ana");
    assertThat(f.participant(second).name()).isEqualTo("ana 2");
    @SuppressWarnings("unchecked")
    Map<String, Object> you = (Map<String, Object>) f.apply(new Command.Join(null, null,
        f.participant(second).resumeToken(), "conn-other")).reply().get("you");
    assertThat(you.get("name")).isEqualTo("ana 2");
  }
}
