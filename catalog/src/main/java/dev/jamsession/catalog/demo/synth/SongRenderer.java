package dev.jamsession.catalog.demo.synth;

import dev.jamsession.catalog.demo.synth.Section.Layer;
import dev.jamsession.core.catalog.Song;

/**
 * Renders a demo song to mono samples: bar by bar it plays the drums, bass, chords, arpeggio
 * and melody that its {@link SongPlan} calls for, then masters the mix (level, soft limiting,
 * fades). Pure Java, deterministic, a fraction of a second per song.
 */
public final class SongRenderer {

  public static final int SAMPLE_RATE = 22050;
  private static final double FADE_OUT_SECONDS = 3;

  private SongRenderer() {}

  /** Samples for a duration: what a song's WAV holds, exactly. */
  public static int sampleCount(long durationMs) {
    return (int) (durationMs * SAMPLE_RATE / 1000);
  }

  /** The song's audio, samples in [-1, 1], exactly {@link #sampleCount} of them. */
  public static float[] render(Song song) {
    SongPlan plan = new SongPlan(song);
    DrumKit kit = new DrumKit(plan.seed);
    // Room for notes that ring past the end; cut off by the fade-out anyway.
    float[] mix = new float[plan.totalSamples + SAMPLE_RATE * 3];
    for (int bar = 0; bar < plan.bars(); bar++) {
      if (plan.position(bar, 0) >= plan.totalSamples) {
        break;
      }
      renderBar(plan, kit, bar, mix);
    }
    float[] out = new float[plan.totalSamples];
    System.arraycopy(mix, 0, out, 0, out.length);
    master(out);
    return out;
  }

  private static void renderBar(SongPlan plan, DrumKit kit, int bar, float[] mix) {
    Section section = plan.section(bar);
    GenreStyle style = plan.style;
    int[] chord = plan.chord(bar);
    double level = section.level * (0.7 + 0.3 * plan.energy);
    if (section.plays(Layer.DRUMS)) {
      playDrums(plan, kit, bar, level, mix);
    }
    boolean chorusStart = section == Section.CHORUS && bar > 0 && plan.section(bar - 1) != section;
    if (chorusStart && style.drums().length > 0) {
      Mix.add(mix, plan.position(bar, 0), kit.openHat, 0.35 * level);
    }
    if (section.plays(Layer.BASS)) {
      playLine(plan, bar, style.bass(), plan.keyRoot - 12, chord, level, mix);
    }
    if (section.plays(Layer.PADS) && style.pads() != null) {
      playChords(plan, bar, style.pads(), chord, level, mix);
    }
    boolean arpCarries = style.pads() == null;
    if ((section.plays(Layer.ARP) || arpCarries) && style.arp() != null) {
      playLine(plan, bar, style.arp(), plan.keyRoot + 12, chord, level * 0.9, mix);
    }
    if (section.plays(Layer.LEAD) && style.lead() != null) {
      Motif motif = section == Section.CHORUS ? plan.chorusMotif : plan.verseMotif;
      playMelody(plan, bar, motif, chord, section == Section.CHORUS ? level : level * 0.8, mix);
    }
  }

  private static void playDrums(SongPlan plan, DrumKit kit, int bar, double level, float[] mix) {
    for (String line : plan.style.drums()) {
      float[] sound = kit.sound(line.charAt(0));
      double gain = drumGain(line.charAt(0)) * level;
      for (int step = 0; step < 16; step++) {
        char hit = line.charAt(2 + step);
        if (hit == 'x' || hit == 'o') {
          Mix.add(mix, plan.position(bar, step), sound, hit == 'x' ? gain : gain * 0.5);
        }
      }
    }
  }

  /** A bass or arpeggio line: digits name chord tones; a note lasts until the next one. */
  private static void playLine(SongPlan plan, int bar, GenreStyle.Part line, int base, int[] chord,
                               double level, float[] mix) {
    forEachStrike(line.pattern(), (step, tone, next) -> {
      int start = plan.position(bar, step);
      int gate = (int) ((plan.position(bar, next) - start) * 0.92);
      int pitch = base + chordTone(chord, tone - '0');
      line.voice().play(mix, start, gate, Instrument.midiToHz(pitch), level);
    });
  }

  /** The bar's chord on the pads: 'x' held until the next chord, 's' a short stab. */
  private static void playChords(SongPlan plan, int bar, GenreStyle.Part pads, int[] chord,
                                 double level, float[] mix) {
    double[] freqs = voicing(plan, chord);
    forEachStrike(pads.pattern(), (step, kind, next) -> {
      int start = plan.position(bar, step);
      int length = kind == 's' ? (int) plan.stepSamples : plan.position(bar, next) - start;
      pads.voice().play(mix, start, length, freqs, level);
    });
  }

  /** The chord's pitches voiced around middle C (power chords an octave lower). */
  private static double[] voicing(SongPlan plan, int[] chord) {
    int low = plan.style.harmony() == GenreStyle.Chords.POWER ? 40 : 53;
    double[] freqs = new double[chord.length];
    for (int i = 0; i < chord.length; i++) {
      int pitch = plan.keyRoot + chord[i];
      while (pitch < low) {
        pitch += 12;
      }
      while (pitch > low + 17) {
        pitch -= 12;
      }
      freqs[i] = Instrument.midiToHz(pitch);
    }
    return freqs;
  }

  /** A struck step of a one-bar pattern: its symbol, and the step of the next strike or 16. */
  private interface Strike {
    void play(int step, char symbol, int next);
  }

  /** Every step of the pattern that is not '.', which holds the note before it. */
  private static void forEachStrike(String pattern, Strike strike) {
    for (int step = 0; step < 16; step++) {
      char symbol = pattern.charAt(step);
      if (symbol != '.') {
        int next = step + 1;
        while (next < 16 && pattern.charAt(next) == '.') {
          next++;
        }
        strike.play(step, symbol, next);
      }
    }
  }

  /** The bar's half of a two-bar motif; notes on strong beats move to the nearest chord tone. */
  private static void playMelody(SongPlan plan, int bar, Motif motif, int[] chord, double level,
                                 float[] mix) {
    int offset = (bar % 2) * 16;
    for (Motif.Note note : motif.notes()) {
      if (note.step() < offset || note.step() >= offset + 16) {
        continue;
      }
      int step = note.step() - offset;
      int pitch = plan.keyRoot + 12 + Harmony.scaleStep(plan.melodyScale, note.scaleStep());
      if (step % 8 == 0) {
        pitch = nearestChordTone(pitch, plan.keyRoot, chord);
      }
      int start = plan.position(bar, step);
      int end = plan.position(bar, 0) + (int) ((step + note.length()) * plan.stepSamples);
      plan.style.lead().play(mix, start, (int) ((end - start) * 0.9),
          Instrument.midiToHz(pitch), level);
    }
  }

  private static int chordTone(int[] chord, int index) {
    int root = Math.floorMod(chord[0], 12);
    int octave = index / chord.length;
    int tone = chord[index % chord.length] - chord[0];
    return root + tone + 12 * octave;
  }

  private static int nearestChordTone(int pitch, int keyRoot, int[] chord) {
    for (int distance = 0; distance <= 2; distance++) {
      for (int candidate : new int[] {pitch - distance, pitch + distance}) {
        for (int tone : chord) {
          if (Math.floorMod(candidate - keyRoot - tone, 12) == 0) {
            return candidate;
          }
        }
      }
    }
    return pitch;
  }

  private static double drumGain(char drum) {
    switch (drum) {
      case 'k': return 0.9;
      case 's': return 0.55;
      case 'c': return 0.5;
      case 'r': return 0.35;
      case 'o': return 0.2;
      case 'd': return 0.3;
      case 'z': return 0.35;
      default: return 0.22;
    }
  }

  /** Levels the mix, rounds off the loudest peaks, fades in briefly and out gently. */
  private static void master(float[] out) {
    float peak = 1e-6f;
    for (float s : out) {
      peak = Math.max(peak, Math.abs(s));
    }
    double gain = 1.15 / peak;
    int fadeIn = SAMPLE_RATE / 50;
    int fadeOut = (int) Math.min(out.length / 4, FADE_OUT_SECONDS * SAMPLE_RATE);
    for (int i = 0; i < out.length; i++) {
      double fade = Math.min(1, Math.min((double) i / fadeIn, (double) (out.length - 1 - i) / fadeOut));
      out[i] = (float) (Mix.softClip(out[i] * gain) * 0.95 * Math.max(0, fade));
    }
  }
}
