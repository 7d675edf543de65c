package dev.jamsession.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void takesCommandsUpToTheLimitAndAgainOnceOneIsDone() {
    Admission a = new Admission(3);
    assertThat(a.tryStart()).isTrue();
    assertThat(a.tryStart()).isTrue();
    assertThat(a.tryStart()).isTrue();
    assertThat(a.tryStart()).isFalse();
    a.done(1);
    assertThat(a.tryStart()).isTrue();
  }

  @Test
  void shedsWhileRecentCommandsAreSlowAndEnoughAreRunning() {
    Admission a = new Admission(1_000);
    for (int i = 0; i < Admission.FLOOR + 10; i++) {
      assertThat(a.tryStart()).isTrue();
    }
    for (int i = 0; i < 10; i++) {
      a.done(5_000); // a queue seconds long
    }
    assertThat(a.tryStart()).as("slow, with %d running", Admission.FLOOR).isFalse();
    for (int i = 0; i < 20; i++) {
      a.done(5); // what was accepted gets fast again
      a.tryStart();
    }
    assertThat(a.tryStart()).isTrue();
  }

  @Test
  void aFewSlowCommandsAloneAreNoOverload() {
    Admission a = new Admission(1_000);
    assertThat(a.tryStart()).isTrue();
    a.done(20_000);
    for (int i = 0; i < Admission.FLOOR; i++) {
      assertThat(a.tryStart()).isTrue();
    }
    assertThat(a.tryStart()).isFalse();
  }
}
