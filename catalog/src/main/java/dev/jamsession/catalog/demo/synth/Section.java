package dev.jamsession.catalog.demo.synth;

import java.util.Set;

/** The parts of a song's form, how loud each is and which layers play in it. */
enum Section {
  INTRO(0.75, Layer.PADS, Layer.ARP),
  VERSE(0.8, Layer.DRUMS, Layer.BASS, Layer.PADS, Layer.LEAD),
  CHORUS(1.0, Layer.DRUMS, Layer.BASS, Layer.PADS, Layer.ARP, Layer.LEAD),
  BRIDGE(0.85, Layer.BASS, Layer.PADS, Layer.ARP);

  /** The layers of an arrangement. */
  enum Layer { DRUMS, BASS, PADS, ARP, LEAD }

  final double level;
  private final Set<Layer> layers;

  Section(double level, Layer... layers) {
    this.level = level;
    this.layers = Set.of(layers);
  }

  boolean plays(Layer layer) {
    return layers.contains(layer);
  }
}
