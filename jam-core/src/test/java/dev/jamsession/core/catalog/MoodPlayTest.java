package dev.jamsession.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoodPlayTest {
  static Song song(String id, String artist, double tempo, double energy) {
    return new Song(id, id, artist, "A", "G", 2000, 1000, "/a", new AudioFeatures(tempo, energy, 0.5, 0.5, 0.5), 0.5);
  }

  @Test
  void anArtistWithMostSongsIsSpreadBetweenTheOthers() {
    // the three A songs sit closest together: a plain nearest-neighbour walk would chain them
    List<Song> songs = List.of(song("a1", "A", 80, 0.10), song("a2", "A", 81, 0.11), song("a3", "A", 82, 0.12),
        song("b1", "B", 140, 0.9), song("c1", "C", 150, 0.95));
    List<Song> order = MoodPlay.order(songs);
    assertThat(order).containsExactlyInAnyOrderElementsOf(songs);
    for (int i = 1; i < order.size(); i++) {
      assertThat(order.get(i).artist()).isNotEqualTo(order.get(i - 1).artist());
    }
  }

  @Test
  void startsCalmAndStepsToTheNearestSong() {
    List<Song> songs = List.of(song("loud", "X", 150, 0.9), song("calm", "Y", 70, 0.1), song("mid", "Z", 100, 0.5));
    assertThat(MoodPlay.order(songs)).extracting(Song::id).containsExactly("calm", "mid", "loud");
  }

  @Test
  void takesTheSongsMostTypicalOfTheMoodAndNothingOutside() {
    Mood mood = new Mood("m", "M", "d", new FeatureRange(60, 100), new FeatureRange(0, 0.5), new FeatureRange(0, 1));
    List<Song> songs = List.of(song("centre", "A", 80, 0.25), song("edge", "B", 99, 0.49),
        song("outside", "C", 120, 0.3), new Song("bare", "t", "D", "a", "g", 2000, 1, "/a", null, 0.5));
    assertThat(MoodPlay.sequence(mood, songs, 1)).extracting(Song::id).containsExactly("centre");
    assertThat(MoodPlay.sequence(mood, songs, 10)).extracting(Song::id).containsExactlyInAnyOrder("centre", "edge");
  }
}
