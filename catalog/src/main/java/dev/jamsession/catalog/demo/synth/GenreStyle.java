package dev.jamsession.catalog.demo.synth;

import dev.jamsession.catalog.demo.DemoGenre;

/**
 * How a genre is played: drum patterns with their swing, then bass, pads and arpeggio each as a
 * pattern and its instrument (null where the genre has none), the lead's instrument and the
 * harmony.
 *
 * <p>Patterns are one bar of sixteenth notes. Drum lines are a drum letter (see
 * {@link DrumKit#sound}), a space, then 'x' for a hit and 'o' for a soft one. Bass and arpeggio
 * lines use digits for chord tones (0 root, 1 third, 2 fifth, 3 seventh or octave, 4+ an
 * octave higher) and '.' to hold. Pad lines use 'x' for a held chord, 's' for a short stab.
 */
record GenreStyle(String[] drums, double swing8, double swing16, Part bass, Part pads, Part arp,
                  Instrument lead, Chords harmony, double leadRests) {

  /** A line of the arrangement: its one-bar pattern and the instrument that plays it. */
  record Part(String pattern, Instrument voice) {}

  /** How a song picks its chords. */
  enum Chords { DIATONIC, SEVENTHS, BLUES, POWER }

  static GenreStyle of(DemoGenre genre, double energy, double acousticness) {
    double bright = 700 + 2800 * energy * (1 - 0.5 * acousticness);
    switch (genre) {
      case POP:
        return new GenreStyle(
            lines("k x.......x.x.....", "s ....x.......x...", "h x.x.x.x.x.x.x.x."), 0, 0,
            new Part("0...0.0.0...0.0.", Synth.of(Waveform.SAW, 0.005, 0.2, 0.6, 0.05, 500, 0.32)),
            new Part("x.......x.......", Synth.of(Waveform.SAW, 0.03, 0.4, 0.55, 0.25, bright, 0.09).detuned(8)),
            new Part("0.1.2.1.0.1.2.1.", new Pluck(0.6, 0.8, 0.05, 0.18)),
            Synth.of(Waveform.SQUARE, 0.01, 0.1, 0.7, 0.08, bright * 1.3, 0.14),
            Chords.DIATONIC, 0.25);
      case ROCK:
        return new GenreStyle(
            lines("k x.....x.x.......", "s ....x.......x...", "h x.x.x.x.x.x.x.x."), 0, 0,
            new Part("0.0.0.0.0.0.0.0.", Synth.of(Waveform.SAW, 0.005, 0.15, 0.7, 0.05, 600, 0.3)),
            new Part("x.......x...x...", Synth.of(Waveform.SAW, 0.005, 0.3, 0.8, 0.08, bright, 0.1).driven(3).detuned(10)),
            null,
            Synth.of(Waveform.SAW, 0.01, 0.2, 0.8, 0.1, bright * 1.4, 0.12).driven(2),
            Chords.POWER, 0.2);
      case ELECTRONIC:
        return new GenreStyle(
            lines("k x...x...x...x...", "c ....x.......x...", "o ..x...x...x...x.",
                "h oxoxoxoxoxoxoxox"), 0, 0,
            new Part("..0...0...0...0.", Synth.of(Waveform.SAW, 0.005, 0.12, 0.5, 0.04, 420 + 300 * energy, 0.36)),
            new Part("x...............", Synth.of(Waveform.SAW, 0.4, 1.0, 0.7, 0.6, bright * 0.7, 0.07).detuned(12)),
            new Part("0124212401242124", Synth.of(Waveform.SQUARE, 0.002, 0.09, 0.0, 0.03, bright * 1.2, 0.1)),
            Synth.of(Waveform.SAW, 0.01, 0.2, 0.6, 0.1, bright, 0.11).detuned(6),
            Chords.DIATONIC, 0.35);
      case HIP_HOP:
        return new GenreStyle(
            lines("k x......x..x.....", "s ....x.......x...", "h x.x.x.x.x.x.xox."), 0, 0.28,
            new Part("0......0..0.....", Synth.of(Waveform.SINE, 0.005, 0.6, 0.5, 0.1, 260, 0.55)),
            new Part("x.......x.......", Synth.of(Waveform.EPIANO, 0.005, 1.2, 0.25, 0.3, 3000, 0.12)),
            null,
            Synth.of(Waveform.TRIANGLE, 0.01, 0.2, 0.5, 0.15, 2200, 0.13),
            Chords.SEVENTHS, 0.5);
      case JAZZ:
        return new GenreStyle(
            lines("d x...x.x.x...x.x.", "r ......o.......o.", "k o..............."), 0.66, 0,
            new Part("0...1...2...3...", new Pluck(0.35, 1.2, 0.05, 0.55)),
            new Part("......s.......s.", Synth.of(Waveform.EPIANO, 0.005, 0.6, 0.3, 0.15, 3000, 0.13)),
            null,
            Synth.of(Waveform.TRIANGLE, 0.03, 0.2, 0.7, 0.12, 2600, 0.13),
            Chords.SEVENTHS, 0.35);
      case BLUES:
        return new GenreStyle(
            lines("k x.......x.......", "s ....x.......x...", "h x.x.x.x.x.x.x.x."), 0.66, 0,
            new Part("0.2.3.2.0.2.3.2.", Synth.of(Waveform.SAW, 0.005, 0.2, 0.6, 0.05, 520, 0.3)),
            new Part("x.......x.......", Synth.of(Waveform.ORGAN, 0.02, 0.3, 0.7, 0.15, 2400, 0.08)),
            null,
            Synth.of(Waveform.TRIANGLE, 0.02, 0.3, 0.7, 0.2, 2400, 0.15),
            Chords.BLUES, 0.3);
      case FOLK:
        return new GenreStyle(
            lines("k x.......o.......", "z ..x...x...x...x."), 0, 0.1,
            new Part("0.......2.......", new Pluck(0.4, 1.5, 0.1, 0.4)),
            null,
            new Part("0.2.4.2.1.2.4.2.", new Pluck(0.7, 2.0, 0.1, 0.28)),
            Synth.of(Waveform.SINE, 0.06, 0.2, 0.8, 0.15, 3000, 0.15),
            Chords.DIATONIC, 0.35);
      case CLASSICAL:
        return new GenreStyle(
            lines(), 0, 0,
            new Part("0...............", Synth.of(Waveform.SAW, 0.3, 0.5, 0.8, 0.6, 380, 0.22)),
            new Part("x.......x.......", Synth.of(Waveform.SAW, 0.45, 0.6, 0.8, 0.9, 1300, 0.06).detuned(9)),
            new Part("0.1.2.4.5.4.2.1.", new Pluck(0.5, 2.5, 0.3, 0.22)),
            Synth.of(Waveform.TRIANGLE, 0.12, 0.3, 0.8, 0.3, 2200, 0.12),
            Chords.DIATONIC, 0.45);
      case REGGAE:
        return new GenreStyle(
            lines("k ........x.......", "r ........x.......", "h x.x.x.x.x.x.x.x."), 0, 0.2,
            new Part("0.....0.2...1...", Synth.of(Waveform.SINE, 0.01, 0.3, 0.7, 0.08, 400, 0.55)),
            new Part("..s...s...s...s.", Synth.of(Waveform.ORGAN, 0.005, 0.1, 0.5, 0.05, 2500, 0.1)),
            null,
            Synth.of(Waveform.TRIANGLE, 0.02, 0.2, 0.6, 0.12, 2400, 0.12),
            Chords.DIATONIC, 0.45);
      case AMBIENT:
        return new GenreStyle(
            lines(), 0, 0,
            new Part("0...............", Synth.of(Waveform.SINE, 1.0, 1.0, 0.8, 1.5, 300, 0.3)),
            new Part("x...............", Synth.of(Waveform.TRIANGLE, 1.6, 1.0, 0.8, 2.0, 1500, 0.11).detuned(7)),
            new Part("0.......2.......", Synth.of(Waveform.SINE, 0.005, 1.8, 0.0, 0.8, 4000, 0.12)),
            null,
            Chords.DIATONIC, 0.6);
      default:
        throw new IllegalStateException(genre.name());
    }
  }

  private static String[] lines(String... lines) {
    return lines;
  }
}
