package dev.jamsession.recommender.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Says in words why a song was picked: who it is for and what of theirs it matches, e.g.
 * "Because Ana and Ben upvoted jazz", "More from an artist the room liked", "Sounds like what
 * Cara liked", "Popular right now".
 */
final class ReasonWriter {
  private static final double POPULAR = 0.8;
  private static final int NAMES_SHOWN = 3;

  private final CatalogIndex index;
  private final RoomModel room;

  ReasonWriter(CatalogIndex index, RoomModel room) {
    this.index = index;
    this.room = room;
  }

  /** At most two reasons for {@code song}, given each member's score of it. */
  List<String> reasons(int song, double[] scores) {
    List<Integer> fans = fans(scores);
    List<String> out = new ArrayList<>(2);
    if (fans.isEmpty()) {
      out.add(index.popularity(song) >= POPULAR / 2 ? ColdStart.REASON : "Something new to try");
      return out;
    }
    double genre = 0;
    double artist = 0;
    double sound = 0;
    for (int m : fans) {
      genre += Math.max(0, room.genrePart(m, song));
      artist += Math.max(0, room.artistPart(m, song));
      sound += Math.max(0, room.soundPart(m, song));
    }
    if (artist > 0 && artist >= genre && artist >= sound) {
      out.add("More from an artist " + who(fansOf(fans, m -> room.artistPart(m, song) > 0))
          + " liked");
    } else if (genre > 0 && genre >= sound / 2) {
      out.add(genreReason(song, fansOf(fans, m -> room.genrePart(m, song) > 0)));
    } else {
      out.add("Sounds like what " + who(fans) + " liked");
    }
    if (index.popularity(song) >= POPULAR) {
      out.add(ColdStart.REASON);
    }
    return out;
  }

  /** "Because Ana and Ben upvoted jazz", or "Because Ana upvoted and Ben queued jazz". */
  private String genreReason(int song, List<Integer> genreFans) {
    String genre = index.genreName(index.genreOf(song)).toLowerCase(Locale.ROOT);
    List<Integer> upvoters = genreFans.stream()
        .filter(m -> room.upvotedGenreOf(m, song)).toList();
    List<Integer> queuers = genreFans.stream()
        .filter(m -> !room.upvotedGenreOf(m, song)).toList();
    if (upvoters.isEmpty()) {
      return "Because " + who(queuers) + " queued " + genre;
    }
    if (queuers.isEmpty() || genreFans.size() > NAMES_SHOWN) {
      return "Because " + who(genreFans) + " upvoted " + genre;
    }
    return "Because " + who(upvoters) + " upvoted and " + who(queuers) + " queued " + genre;
  }

  /** Members the song serves, keenest first. */
  private List<Integer> fans(double[] scores) {
    List<Integer> fans = new ArrayList<>();
    for (int m = 0; m < scores.length; m++) {
      if (scores[m] >= FairSelector.LIKE_LEVEL / 2) {
        fans.add(m);
      }
    }
    fans.sort((a, b) -> Double.compare(scores[b], scores[a]));
    return fans;
  }

  private static List<Integer> fansOf(List<Integer> fans, IntPredicate p) {
    List<Integer> out = fans.stream().filter(p::test).toList();
    return out.isEmpty() ? fans : out;
  }

  /** "Ana", "Ana and Ben", "Ana, Ben and Cara", "the room" for more than three. */
  private String who(List<Integer> members) {
    if (members.size() > NAMES_SHOWN) {
      return TasteReader.WHOLE_ROOM;
    }
    List<String> names = members.stream().map(room::name).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }
}
