package dev.jamsession.core.domain;

import static dev.jamsession.core.domain.JamFixture.refused;
import static dev.jamsession.core.domain.JamFixture.song;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** jam.queue-playlist (PROTOCOL §13): the host's, in order, skipping what cannot be added. */
class QueuePlaylistTest {
  private JamFixture f = new JamFixture();

  /** A playlist as the gateway resolved it: null stands for a song the catalog no longer has. */
  private static List<Song> playlist(Integer... songNumbers) {
    return Arrays.stream(songNumbers).map(n -> n == null ? null : song(n)).toList();
  }

  private Outcome queue(String actor, List<Song> songs) {
    return f.apply(new Command.QueuePlaylist(actor, "pl-1", songs));
  }

  @Test
  void addsInOrderAsTheHostsItemsSkippingDuplicatesAndUnknownSongs() {
    String ana = f.host();
    String ben = f.guest("Ben");
    f.add(ben, 1); // plays (autoplay)
    f.add(ben, 2); // queued
    assertThat(f.jam.current().song().id()).isEqualTo("s1");
    long rev = f.jam.rev();
    f.events.clear();

    // s1 plays, s2 is queued, null is gone from the catalog, the second s3 repeats the first.
    Outcome o = queue(ana, playlist(3, 1, 2, null, 4, 3, 5));

    assertThat(o.reply()).containsExactly(Map.entry("added", 3), Map.entry("skipped", 4),
        Map.entry("rev", rev + 1));
    assertThat(f.queueSongIds()).containsExactly("s2", "s3", "s4", "s5");
    assertThat(f.jam.queue().subList(1, 4)).allSatisfy(i -> {
      assertThat(i.addedById()).isEqualTo(ana);
      assertThat(i.addedBy()).isEqualTo("Ana");
    });
    assertThat(f.events).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.QUEUE_UPDATED);
      assertThat(e.rev()).isEqualTo(rev + 1);
    });
  }

  @Test
  void intoAnIdleJamTheFirstSongStartsAndItsRepeatIsSkipped() {
    String ana = f.host();
    Outcome o = queue(ana, playlist(7, 8, 7));
    assertThat(o.reply()).containsEntry("added", 2).containsEntry("skipped", 1);
    assertThat(f.jam.current().song().id()).isEqualTo("s7");
    assertThat(f.queueSongIds()).containsExactly("s8");
  }

  @Test
  void aQueueThatFillsMidwayStopsThereAndCountsOnlyWhatWasPassedOverBefore() {
    f.newJam(Map.of("maxQueueSize", 3, "autoPlay", false));
    String ana = f.host();
    f.add(ana, 1);
    Outcome o = queue(ana, playlist(2, 1, null, 3, 4, 1, null, 5));
    assertThat(o.reply()).containsEntry("added", 2).containsEntry("skipped", 2);
    assertThat(f.queueSongIds()).containsExactly("s1", "s2", "s3");
  }

  @Test
  void aQueueAlreadyFullIsQueueFullAndChangesNothing() {
    f.newJam(Map.of("maxQueueSize", 2, "autoPlay", false));
    String ana = f.host();
    f.add(ana, 1);
    f.add(ana, 2);
    Jam before = f.jam;
    refused(() -> queue(ana, playlist(3, 4)), ErrorCode.QUEUE_FULL);
    assertThat(f.jam).isSameAs(before);
  }

  @Test
  void onlyTheHostMayAndTheHostCheckComesBeforeTheMissingPlaylist() {
    f.host();
    String ben = f.guest("Ben");
    Jam before = f.jam;
    refused(() -> queue(ben, playlist(1, 2)), ErrorCode.NOT_HOST);
    refused(() -> queue(ben, null), ErrorCode.NOT_HOST);
    refused(() -> queue("p-stranger", playlist(1)), ErrorCode.NOT_JOINED);
    assertThat(f.jam).isSameAs(before);
  }

  @Test
  void aPlaylistThatDoesNotExistIsNotFound() {
    String ana = f.host();
    refused(() -> queue(ana, null), ErrorCode.NOT_FOUND);
    assertThat(f.jam.queue()).isEmpty();
  }

  @Test
  void nothingToAddChangesNothingAndHasNoRev() {
    String ana = f.host();
    f.add(ana, 1);
    long rev = f.jam.rev();
    f.events.clear();
    Outcome o = queue(ana, playlist(1, null));
    assertThat(o.changed()).isFalse();
    assertThat(o.reply()).containsExactly(Map.entry("added", 0), Map.entry("skipped", 2));
    assertThat(f.jam.rev()).isEqualTo(rev);
    assertThat(f.events).isEmpty();
  }

  @Test
  void aRetryIsAnsweredWithTheFirstCountsAndAddsNothingMore() {
    String ana = f.host();
    Command first = new Command.Tracked(ana, "r-1", new Command.QueuePlaylist(ana, "pl-1", playlist(1, 2, 2)));
    Outcome o1 = f.apply(first);
    List<String> queued = f.queueSongIds();
    Outcome o2 = f.apply(first);
    assertThat(o2.changed()).isFalse();
    assertThat(o2.reply()).isEqualTo(o1.reply()).containsEntry("added", 2).containsEntry("skipped", 1);
    assertThat(f.queueSongIds()).isEqualTo(queued);
  }

  @Test
  void theParserResolvesTheForwardedSongIdsAndRefusesAMissingPlaylistId() {
    Map<String, Song> catalog = Map.of("s1", song(1), "s2", song(2));
    Command c = CommandParser.parse(Addresses.QUEUE_PLAYLIST, "p-1",
        Map.of("playlistId", "pl-1", "songIds", List.of("s2", "gone", "s1")),
        id -> Optional.ofNullable(catalog.get(id)));
    assertThat(c).isInstanceOfSatisfying(Command.QueuePlaylist.class, q -> {
      assertThat(q.playlistId()).isEqualTo("pl-1");
      assertThat(q.songs()).containsExactly(song(2), null, song(1));
    });
    assertThat(CommandParser.parse(Addresses.QUEUE_PLAYLIST, "p-1", Map.of("playlistId", "pl-1"), id -> Optional.empty()))
        .isEqualTo(new Command.QueuePlaylist("p-1", "pl-1", null));
    assertThat(CommandParser.parse(Addresses.QUEUE_PLAYLIST, "p-1", Map.of(), id -> Optional.empty()))
        .isInstanceOf(Command.Invalid.class);
  }
}
