package dev.jamsession.catalog.demo.synth;

import dev.jamsession.catalog.demo.DemoGenre;
import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Every musical decision for one song, taken from its genre and features with a random source
 * seeded by its id: the same song always gets the same key, chords, form and melodies.
 */
final class SongPlan {

  private static final Section[] FORM = {Section.INTRO, Section.VERSE, Section.CHORUS,
      Section.VERSE, Section.CHORUS, Section.BRIDGE, Section.CHORUS};
  private static final Section[] REPEAT = {Section.VERSE, Section.CHORUS};

  final GenreStyle style;
  final double energy;
  final int keyRoot;
  final int[] melodyScale;
  final double stepSamples;
  final int totalSamples;
  final long seed;
  final Motif verseMotif;
  final Motif chorusMotif;
  private final Section[] sections;
  private final int[][] chords;

  SongPlan(Song song) {
    DemoGenre genre = DemoGenre.byName(song.genre()).orElse(DemoGenre.POP);
    AudioFeatures f = song.features() != null ? song.features()
        : new AudioFeatures(110, 0.5, 0.5, 0.5, 0.5);
    seed = song.id().hashCode() * 0x9E3779B97F4A7C15L + song.durationMs();
    Random rnd = new Random(seed);
    style = GenreStyle.of(genre, f.energy(), f.acousticness());
    energy = f.energy();
    keyRoot = 48 + rnd.nextInt(12);
    boolean major = f.valence() >= 0.5;
    melodyScale = melodyScale(style.harmony(), major, genre);
    stepSamples = SongRenderer.SAMPLE_RATE * 60.0 / Math.max(40, f.tempo()) / 4;
    totalSamples = SongRenderer.sampleCount(song.durationMs());
    boolean slow = genre == DemoGenre.AMBIENT || genre == DemoGenre.CLASSICAL;
    verseMotif = Motif.wander(rnd, style.leadRests(), slow);
    chorusMotif = Motif.hook(rnd, style.leadRests(), slow);
    int[][] verse = progression(rnd, major);
    int[][] chorus = style.harmony() == GenreStyle.Chords.BLUES ? verse : progression(rnd, major);
    int bars = (int) Math.ceil(totalSamples / (16 * stepSamples)) + 1;
    sections = new Section[bars];
    chords = new int[bars][];
    layOut(verse, chorus);
  }

  Section section(int bar) {
    return sections[bar];
  }

  /** The chord of a bar, as semitones above the key's tonic. */
  int[] chord(int bar) {
    return chords[bar];
  }

  int bars() {
    return sections.length;
  }

  /** Where a sixteenth of a bar starts, swing included. */
  int position(int bar, int step) {
    double swing = (step % 4 == 2 ? style.swing8() : 0) + (step % 2 == 1 ? style.swing16() : 0);
    return (int) ((bar * 16 + step + swing) * stepSamples);
  }

  private void layOut(int[][] verse, int[][] chorus) {
    int unit = verse.length == 12 ? 12 : 8;
    int bar = 0;
    for (int part = 0; bar < sections.length; part++) {
      Section section = part < FORM.length ? FORM[part] : REPEAT[(part - FORM.length) % 2];
      int length = section == Section.INTRO || section == Section.BRIDGE ? 4 : unit;
      int[][] progression = section == Section.CHORUS ? chorus : verse;
      for (int i = 0; i < length && bar < sections.length; i++, bar++) {
        sections[bar] = section;
        chords[bar] = progression[i % progression.length];
      }
    }
  }

  private int[][] progression(Random rnd, boolean major) {
    switch (style.harmony()) {
      case BLUES: {
        int[][] bars = new int[Harmony.TWELVE_BAR.length][];
        for (int i = 0; i < bars.length; i++) {
          bars[i] = Harmony.dominant7(Harmony.TWELVE_BAR[i]);
        }
        return bars;
      }
      case SEVENTHS:
        return diatonic(pick(rnd, rnd.nextBoolean() ? Harmony.JAZZ_PROGRESSIONS
            : major ? Harmony.MAJOR_PROGRESSIONS : Harmony.MINOR_PROGRESSIONS), major, true);
      case POWER: {
        int[] degrees = pick(rnd, major ? Harmony.MAJOR_PROGRESSIONS : Harmony.MINOR_PROGRESSIONS);
        int[][] bars = new int[degrees.length][];
        int[] scale = major ? Harmony.MAJOR : Harmony.MINOR;
        for (int i = 0; i < bars.length; i++) {
          bars[i] = Harmony.power(scale[degrees[i]]);
        }
        return bars;
      }
      default:
        return diatonic(pick(rnd, major ? Harmony.MAJOR_PROGRESSIONS : Harmony.MINOR_PROGRESSIONS),
            major, false);
    }
  }

  private static int[][] diatonic(int[] degrees, boolean major, boolean sevenths) {
    List<int[]> bars = new ArrayList<>();
    for (int degree : degrees) {
      bars.add(Harmony.diatonic(major ? Harmony.MAJOR : Harmony.MINOR, degree, sevenths));
    }
    return bars.toArray(new int[0][]);
  }

  private static int[] melodyScale(GenreStyle.Chords harmony, boolean major, DemoGenre genre) {
    if (harmony == GenreStyle.Chords.BLUES || harmony == GenreStyle.Chords.POWER) {
      return Harmony.MINOR_PENTATONIC;
    }
    if (genre == DemoGenre.FOLK && major) {
      return Harmony.MAJOR_PENTATONIC;
    }
    return major ? Harmony.MAJOR : Harmony.MINOR;
  }

  private static int[] pick(Random rnd, int[][] options) {
    return options[rnd.nextInt(options.length)];
  }
}
