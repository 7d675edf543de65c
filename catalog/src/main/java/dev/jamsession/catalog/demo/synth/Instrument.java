package dev.jamsession.catalog.demo.synth;

/** Plays notes by adding their samples into a mix buffer. */
interface Instrument {

  /**
   * Plays the pitches together, as one chord.
   *
   * @param start first sample of the notes
   * @param gate samples the notes are held before their release
   * @param freqs pitches in Hz
   * @param velocity loudness in [0, 1]
   */
  void play(float[] out, int start, int gate, double[] freqs, double velocity);

  default void play(float[] out, int start, int gate, double freq, double velocity) {
    play(out, start, gate, new double[] {freq}, velocity);
  }

  static double midiToHz(int note) {
    return 440.0 * Math.pow(2, (note - 69) / 12.0);
  }
}
