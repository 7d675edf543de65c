package dev.jamsession.recommender.engine;

/** What a participant did to a song, and how much it says about their taste. */
enum Signal {
  ADDED(1.0),
  UPVOTED(1.0),
  /** A downvote says more than an upvote: people vote down only what they really mind. */
  DOWNVOTED(-1.5),
  SKIPPED(-1.0);

  final double weight;

  Signal(double weight) {
    this.weight = weight;
  }

  int bit() {
    return 1 << ordinal();
  }
}
