package dev.jamsession.recommender.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.recommender.engine.BaselineStrategy;
import dev.jamsession.recommender.engine.RoomBlendStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A small run of the offline evaluation: the default must clearly beat the baseline. */
class EvaluationTest {
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void defaultBeatsBaselineOnHitRateAndCoverage(long seed) {
    OfflineEvaluation.Result result = OfflineEvaluation.evaluate(seed, OfflineEvaluation.Config.SMALL);
    Metrics baseline = result.overall().get(BaselineStrategy.NAME);
    Metrics blend = result.overall().get(RoomBlendStrategy.NAME);

    assertThat(blend.hitRate()).isGreaterThan(baseline.hitRate() + 0.05);
    assertThat(blend.coverage()).isGreaterThan(baseline.coverage() + 0.15);
    assertThat(blend.diversity()).isGreaterThan(baseline.diversity());
  }
}
