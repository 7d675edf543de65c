package dev.jamsession.catalog.demo.synth;

/** The parts of a song's form and which layers play in each. */
enum Section {
  //     drums  bass   pads  arp    lead   level
  INTRO(false, false, true, true, false, 0.75),
  VERSE(true, true, true, false, true, 0.8),
  CHORUS(true, true, true, true, true, 1.0),
  BRIDGE(false, true, true, true, false, 0.85);

  final boolean drums;
  final boolean bass;
  final boolean pads;
  final boolean arp;
  final boolean lead;
  final double level;

  Section(boolean drums, boolean bass, boolean pads, boolean arp, boolean lead, double level) {
    this.drums = drums;
    this.bass = bass;
    this.pads = pads;
    this.arp = arp;
    this.lead = lead;
    this.level = level;
  }
}
