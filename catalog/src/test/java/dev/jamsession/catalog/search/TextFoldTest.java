package dev.jamsession.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldTest {

  @Test
  void foldsCaseAndAccents() {
    assertThat(TextFold.fold("Beyoncé")).isEqualTo("beyonce");
    assertThat(TextFold.fold("ÉTUDE No. 3")).isEqualTo("etude no. 3");
    assertThat(TextFold.fold("Sørensen Œuvre Straße")).isEqualTo("sorensen oeuvre strasse");
    assertThat(TextFold.fold(null)).isEmpty();
  }

  @Test
  void splitsWordsAndJoinsApostrophes() {
    assertThat(TextFold.tokens("Don't Stop — Hip-Hop (Live, 2019)"))
        .containsExactly("dont", "stop", "hip", "hop", "live", "2019");
    assertThat(TextFold.tokens("  ...  ")).isEmpty();
  }

  @Test
  void keysIgnorePunctuationAndSpacing() {
    assertThat(TextFold.key("Hip-Hop")).isEqualTo(TextFold.key("  hip   HOP "));
  }
}
