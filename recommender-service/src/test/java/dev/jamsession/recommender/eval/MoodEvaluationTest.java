package dev.jamsession.recommender.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A small run of the mood evaluation: a mood's songs must be measurably closer to it than random ones. */
class MoodEvaluationTest {
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void aMoodsSongsAreCloserToItsRegionThanRandomSongs(long seed) {
    MoodEvaluation.evaluate(seed, OfflineEvaluation.Config.SMALL).forEach((mood, r) -> {
      assertThat(r.inCatalog).as(mood).isGreaterThan(MoodEvaluation.MOOD_PLAY_SONGS);
      assertThat(r.moodPlay.share()).as(mood).isEqualTo(1.0);
      assertThat(r.steered.share()).as(mood).isGreaterThan(0.95).isGreaterThan(r.random.share() + 0.5);
      assertThat(r.steered.meanDistance()).as(mood).isLessThan(r.random.meanDistance() - 0.5);
      assertThat(r.steered.share()).as(mood).isGreaterThan(r.noMood.share());
    });
  }
}
