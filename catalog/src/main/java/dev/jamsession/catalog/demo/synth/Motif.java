package dev.jamsession.catalog.demo.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A two-bar melody: notes on the sixteenth grid, pitched as scale steps above the tonic. */
final class Motif {

  static final int STEPS = 32;
  private static final int[] LENGTHS = {2, 2, 2, 4, 4, 4, 6, 8};

  record Note(int step, int length, int scaleStep) {}

  private final List<Note> notes;

  private Motif(List<Note> notes) {
    this.notes = List.copyOf(notes);
  }

  List<Note> notes() {
    return notes;
  }

  /** A random walk over the scale, with rests; slow genres get longer notes. */
  static Motif wander(Random rnd, double rests, boolean slow) {
    return new Motif(walk(rnd, rests, slow, STEPS));
  }

  /** A one-bar phrase played twice, the second time ending elsewhere: something to hum. */
  static Motif hook(Random rnd, double rests, boolean slow) {
    List<Note> half = walk(rnd, rests * 0.6, slow, STEPS / 2);
    List<Note> notes = new ArrayList<>(half);
    for (int i = 0; i < half.size(); i++) {
      Note n = half.get(i);
      int pitch = i == half.size() - 1 ? n.scaleStep() + (rnd.nextBoolean() ? 2 : -2) : n.scaleStep();
      notes.add(new Note(n.step() + STEPS / 2, n.length(), pitch));
    }
    return new Motif(notes);
  }

  private static List<Note> walk(Random rnd, double rests, boolean slow, int steps) {
    List<Note> notes = new ArrayList<>();
    int degree = rnd.nextInt(5);
    int step = 0;
    while (step < steps) {
      int length = LENGTHS[rnd.nextInt(LENGTHS.length)] * (slow ? 2 : 1);
      length = Math.min(length, steps - step);
      if (rnd.nextDouble() >= rests || notes.isEmpty()) {
        notes.add(new Note(step, length, degree));
        degree = Math.max(-2, Math.min(9, degree + rnd.nextInt(5) - 2));
      }
      step += length;
    }
    return notes;
  }
}
