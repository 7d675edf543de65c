package dev.jamsession.catalog.demo.synth;

/** Scales, chords and the progressions songs are built on; pitches in semitones above the key. */
final class Harmony {

  static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
  static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
  /** The scale blues and rock melodies lean on. */
  static final int[] MINOR_PENTATONIC = {0, 3, 5, 7, 10};
  static final int[] MAJOR_PENTATONIC = {0, 2, 4, 7, 9};

  /** Scale degrees (0 = tonic), one chord per bar. */
  static final int[][] MAJOR_PROGRESSIONS = {
      {0, 4, 5, 3}, {0, 3, 4, 3}, {5, 3, 0, 4}, {0, 5, 3, 4}, {0, 3, 0, 4}, {3, 0, 4, 5}};
  static final int[][] MINOR_PROGRESSIONS = {
      {0, 5, 2, 6}, {0, 3, 4, 0}, {0, 6, 5, 6}, {0, 3, 6, 2}, {5, 6, 0, 0}, {0, 2, 3, 4}};
  static final int[][] JAZZ_PROGRESSIONS = {{1, 4, 0, 0}, {0, 5, 1, 4}, {2, 5, 1, 4}};
  /** The twelve-bar blues, as roots in semitones: I I I I IV IV I I V IV I V. */
  static final int[] TWELVE_BAR = {0, 0, 0, 0, 5, 5, 0, 0, 7, 5, 0, 7};

  private Harmony() {}

  /** The chord on a scale degree, stacking the scale's thirds: 3 notes, or 4 with the 7th. */
  static int[] diatonic(int[] scale, int degree, boolean seventh) {
    int[] chord = new int[seventh ? 4 : 3];
    for (int i = 0; i < chord.length; i++) {
      int step = degree + 2 * i;
      chord[i] = scale[step % scale.length] + 12 * (step / scale.length);
    }
    return chord;
  }

  /** A dominant seventh on a root: the blues chord. */
  static int[] dominant7(int root) {
    return new int[] {root, root + 4, root + 7, root + 10};
  }

  /** Root, fifth and octave: what a distorted guitar plays. */
  static int[] power(int root) {
    return new int[] {root, root + 7, root + 12};
  }

  /** The pitch of a (possibly negative or high) scale step. */
  static int scaleStep(int[] scale, int step) {
    int octave = Math.floorDiv(step, scale.length);
    return scale[Math.floorMod(step, scale.length)] + 12 * octave;
  }
}
