package dev.jamsession.recommender.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The default: a taste per present member from their adds, votes and skips; candidates drawn
 * from the catalog indexes; each scored for every member; then a fair greedy selection so every
 * member's taste reaches the top results, with at most two songs per artist in any ten. A cold
 * room gets popular, varied songs.
 */
public final class RoomBlendStrategy implements Strategy {
  public static final String NAME = "room-blend";

  private final CatalogIndex index;

  RoomBlendStrategy(CatalogIndex index) {
    this.index = index;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Recommendation> recommend(RoomSignals signals) {
    BitSet excluded = Excluded.songs(index, signals);
    List<Taste> tastes = TasteReader.read(index, signals);
    if (tastes.isEmpty()) {
      return ColdStart.recommend(index, excluded, signals.limit(), signals.seed());
    }
    RoomModel room = new RoomModel(index, tastes);
    int[] candidates = CandidatePool.gather(index, room, excluded);
    Shortlist shortlist = Shortlist.of(room, candidates, signals.limit(), signals.seed());
    ReasonWriter reasons = new ReasonWriter(index, room);
    List<Recommendation> out = new ArrayList<>(signals.limit());
    for (FairSelector.Pick pick
        : FairSelector.select(index, shortlist, signals.limit(), signals.seed())) {
      int song = shortlist.songs[pick.row()];
      out.add(new Recommendation(index.song(song), pick.gain(),
          reasons.reasons(song, shortlist.scores[pick.row()])));
    }
    return out;
  }
}
