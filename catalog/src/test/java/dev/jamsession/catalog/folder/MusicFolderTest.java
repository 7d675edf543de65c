package dev.jamsession.catalog.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.jamsession.catalog.AudioSource;
import dev.jamsession.catalog.demo.synth.WavFile;
import dev.jamsession.core.catalog.Song;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * MUSIC_DIR over a folder of real files: WAV written here, MP3/Ogg/FLAC/M4A/Opus encoded by
 * ffmpeg and tagged with jaudiotagger, next to broken and odd files that must be skipped.
 */
class MusicFolderTest {

  /** The test's own tagging makes jaudiotagger chatty; the scanner silences it by itself. */
  private static final java.util.logging.Logger JAUDIOTAGGER = java.util.logging.Logger.getLogger("org.jaudiotagger");
  /** Encoded once per run: format -> file bytes. */
  private static final Map<String, byte[]> ENCODED = new HashMap<>();

  @TempDir
  Path tmp;
  private Path music;
  private Path cache;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger scanLog = (Logger) LoggerFactory.getLogger(MusicFolder.class);

  @BeforeAll
  static void encodeSamples(@TempDir Path dir) throws Exception {
    JAUDIOTAGGER.setLevel(java.util.logging.Level.OFF);
    if (!Encoder.available()) {
      return; // the test that needs the encoded files fails and says why
    }
    for (String ext : List.of("mp3", "ogg", "flac", "m4a")) {
      Path file = dir.resolve("tone." + ext);
      Encoder.encode(file);
      ENCODED.put(ext, Files.readAllBytes(file));
    }
    Path opus = dir.resolve("tone.opus");
    Encoder.encode(opus, "-metadata", "title=Opus Song", "-metadata", "artist=Codec Crew",
        "-metadata", "album=Xiph", "-metadata", "genre=Ambient", "-metadata", "date=2021-03-04");
    ENCODED.put("opus", Files.readAllBytes(opus));
  }

  @BeforeEach
  void setUp() throws IOException {
    music = Files.createDirectories(tmp.resolve("music"));
    cache = tmp.resolve("cache");
    logs.start();
    scanLog.addAppender(logs);
  }

  @AfterEach
  void tearDown() {
    scanLog.detachAppender(logs);
  }

  @Test
  void readsTitleArtistAlbumGenreYearAndLengthFromRealTags() throws Exception {
    assertThat(Encoder.available()).as("ffmpeg must be installed (apt-get install -y ffmpeg)").isTrue();
    addEncodedLibrary();

    ScanReport report = scan();

    assertThat(report.songs())
        .extracting(Song::title, Song::artist, Song::album, Song::genre, Song::year)
        .containsExactlyInAnyOrder(
            tuple("Crème Brûlée", "Zoë Café", "Über Nights", "Pop", 2019),
            tuple("Ogg Song", "Vorbis Band", "Open Formats", "Rock", 2004),
            tuple("Flac Song", "Lossless Trio", "Bits", "Jazz", 1999),
            tuple("Aac Song", "Apple Pie", "Mp4", "Electronic", 2010),
            tuple("Opus Song", "Codec Crew", "Xiph", "Ambient", 2021));
    assertThat(report.songs()).allSatisfy(s ->
        assertThat(s.durationMs()).isBetween(Encoder.SECONDS * 1000 - 250, Encoder.SECONDS * 1000 + 250));
    assertThat(report.skipped()).isEmpty();
    assertThat(contentTypes(report)).containsOnly(
        Map.entry("Crème Brûlée", "audio/mpeg"), Map.entry("Ogg Song", "audio/ogg"),
        Map.entry("Flac Song", "audio/flac"), Map.entry("Aac Song", "audio/mp4"),
        Map.entry("Opus Song", "audio/ogg"));
  }

  @Test
  void fallsBackToFolderAndFileNamesWhenTagsAreMissing() throws Exception {
    wav(music.resolve("Folder Artist/Folder Album/03 - Fallback Title.wav"), 2000);
    wav(music.resolve("Solo Singer - Lonely Tune.wav"), 1500);
    wav(music.resolve("Loose Album/07_Under_Score.WAV"), 1000);

    ScanReport report = scan();

    assertThat(report.songs())
        .extracting(Song::title, Song::artist, Song::album, Song::genre, Song::year, Song::durationMs)
        .containsExactlyInAnyOrder(
            tuple("Fallback Title", "Folder Artist", "Folder Album", "Unknown", 0, 2000L),
            tuple("Lonely Tune", "Solo Singer", "Unknown Album", "Unknown", 0, 1500L),
            tuple("Under Score", "Unknown Artist", "Loose Album", "Unknown", 0, 1000L));
  }

  @Test
  void skipsBrokenAndOddFilesWithOneWarningEach() throws Exception {
    wav(music.resolve("good.wav"), 1000);
    addBrokenFiles();

    ScanReport report = scan();

    assertThat(report.songs()).extracting(Song::title).containsExactly("good");
    assertThat(report.skipped()).extracting(Skipped::path).containsExactlyInAnyOrderElementsOf(
        expectedSkips());
    assertThat(reason(report, "empty.mp3")).contains("empty");
    assertThat(reason(report, "loop")).contains("loop");
    assertThat(reason(report, "dangling.mp3")).contains("broken symbolic link");
    assertThat(reason(report, "bad\uFFFDname.wav")).contains("UTF-8");
    assertThat(reason(report, "not-audio.flac")).contains("not readable as flac");
    for (Skipped s : report.skipped()) {
      assertThat(warningsAbout(s.path())).as(s.path()).isEqualTo(1);
    }
    assertThat(warnings()).hasSize(report.skipped().size());
  }

  @Test
  void secondScanReadsNothingButTheIndexCache() throws Exception {
    buildMixedLibrary();
    ScanReport first = scan();
    assertThat(first.parsed()).isEqualTo(first.songs().size() + parsedBroken());
    assertThat(first.reused()).isZero();

    logs.list.clear();
    ScanReport second = scan();

    assertThat(second.parsed()).isZero();
    assertThat(second.reused()).isEqualTo(first.parsed());
    assertThat(second.songs()).containsExactlyInAnyOrderElementsOf(first.songs());
    assertThat(second.skipped()).isEqualTo(first.skipped());
    assertThat(warnings()).hasSize(second.skipped().size());
    assertThat(Files.list(cache.resolve("music-index")).count()).isEqualTo(1);
  }

  @Test
  void picksUpChangedAddedAndRemovedFiles() throws Exception {
    Path changed = wav(music.resolve("A/B/changed.wav"), 1000);
    Path removed = wav(music.resolve("A/B/removed.wav"), 1000);
    wav(music.resolve("A/B/same.wav"), 1000);
    scan();

    Files.write(changed, WavFile.encode(new float[22050 * 2], 22050));
    Files.setLastModifiedTime(changed, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    Files.delete(removed);
    wav(music.resolve("A/B/added.wav"), 1000);

    ScanReport report = scan();

    assertThat(report.parsed()).isEqualTo(2);
    assertThat(report.reused()).isEqualTo(1);
    assertThat(report.songs()).extracting(Song::title, Song::durationMs)
        .containsExactlyInAnyOrder(tuple("changed", 2000L), tuple("same", 1000L),
            tuple("added", 1000L));
  }

  @Test
  void idsAreStableOpaqueAndAudioServesOnlyCatalogFiles() throws Exception {
    wav(music.resolve("Secret Artist/Private Album/track.wav"), 1000);
    ScanReport first = scan();
    Song song = first.songs().get(0);

    assertThat(song.id()).matches("m-[0-9a-f]{16}");
    assertThat(song.audioUrl()).isEqualTo("/api/songs/" + song.id() + "/audio");
    assertThat(scan().songs().get(0).id()).isEqualTo(song.id());
    Files.delete(cache.resolve("music-index").toFile().listFiles()[0].toPath());
    assertThat(scan().songs().get(0).id()).as("without the cache too").isEqualTo(song.id());

    AudioSource audio = first.audio().get(song.id());
    assertThat(audio.contentType()).isEqualTo("audio/wav");
    assertThat(audio.file()).isEqualTo(music.resolve("Secret Artist/Private Album/track.wav")
        .toRealPath());
    assertThat(first.audio()).containsOnlyKeys(song.id());
    assertThat(first.audio().get("../../etc/passwd")).isNull();
  }

  @Test
  void symbolicLinksOutOfTheFolderAreSkippedAndLinksInsideServeTheirRealFile() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    wav(outside.resolve("secret.wav"), 500);
    Path inside = wav(music.resolve("Real/inside.wav"), 500);
    Files.createSymbolicLink(music.resolve("leak.wav"), outside.resolve("secret.wav"));
    Files.createSymbolicLink(music.resolve("Linked Folder"), outside);
    Files.createSymbolicLink(music.resolve("alias.wav"), inside);

    ScanReport report = scan();

    assertThat(report.songs()).extracting(Song::title).containsExactlyInAnyOrder("inside", "alias");
    assertThat(reason(report, "leak.wav")).contains("outside the music folder");
    assertThat(reason(report, "Linked Folder")).contains("outside the music folder");
    for (AudioSource audio : report.audio().values()) {
      assertThat(audio.file()).isEqualTo(inside.toRealPath());
    }
    assertThat(warningsAbout("leak.wav")).isEqualTo(1);
  }

  @Test
  void aFileSwappedForALinkAfterTheScanIsNotServed() throws Exception {
    Path outside = wav(Files.createDirectories(tmp.resolve("outside")).resolve("secret.wav"), 500);
    Path track = wav(music.resolve("track.wav"), 500);
    AudioSource audio = scan().audio().values().iterator().next();
    assertThat(audio.file()).isEqualTo(track.toRealPath());

    Files.delete(track);
    Files.createSymbolicLink(track, outside);

    org.assertj.core.api.Assertions.assertThatThrownBy(audio::file)
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void anUnreadableIndexCacheMeansAFullScanNotAFailure() throws Exception {
    wav(music.resolve("x.wav"), 1000);
    scan();
    Path index = cache.resolve("music-index").toFile().listFiles()[0].toPath();
    Files.writeString(index, "{ not json");

    ScanReport report = scan();

    assertThat(report.songs()).hasSize(1);
    assertThat(report.parsed()).isEqualTo(1);
  }

  @Test
  void aMissingFolderIsAConfigurationError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new MusicFolder(tmp.resolve("nowhere"), cache).scan())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("MUSIC_DIR=");
  }

  @Test
  void reportsProgressOnTheConsole() throws Exception {
    wav(music.resolve("x.wav"), 1000);
    scan();
    assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.INFO)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(m -> assertThat(m).contains("1 audio files"))
        .anySatisfy(m -> assertThat(m).contains("Scanned 1 files").contains("files/s"));
  }

  // ---- fixtures

  private ScanReport scan() {
    return new MusicFolder(music, cache).scan();
  }

  private void addEncodedLibrary() throws Exception {
    tagged("mp3", "Zoë Café/Über Nights/01 - whatever.mp3", "Crème Brûlée", "Zoë Café",
        "Über Nights", "Pop", "2019");
    tagged("ogg", "vorbis.ogg", "Ogg Song", "Vorbis Band", "Open Formats", "Rock", "2004");
    tagged("flac", "Lossless/track.flac", "Flac Song", "Lossless Trio", "Bits", "Jazz", "1999-12-31");
    tagged("m4a", "phone/voice.m4a", "Aac Song", "Apple Pie", "Mp4", "Electronic", "2010");
    write(music.resolve("opus/talk.opus"), ENCODED.get("opus"));
  }

  private void buildMixedLibrary() throws Exception {
    if (Encoder.available()) {
      addEncodedLibrary();
    }
    wav(music.resolve("Folder Artist/Folder Album/03 - Fallback Title.wav"), 2000);
    addBrokenFiles();
  }

  /** Files that must be skipped with a warning, and some that must be ignored silently. */
  private void addBrokenFiles() throws Exception {
    write(music.resolve("empty.mp3"), new byte[0]);
    write(music.resolve("not-audio.flac"), "just text".getBytes(StandardCharsets.UTF_8));
    write(music.resolve("garbage.mp3"), "this is not an mp3 ".repeat(500).getBytes(StandardCharsets.UTF_8));
    if (Encoder.available()) {
      write(music.resolve("truncated.ogg"), Arrays.copyOf(ENCODED.get("ogg"), 300));
    }
    Path good = wav(tmp.resolve("source.wav"), 500);
    Process p = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$(printf 'bad\\377name.wav')\"", "sh",
        good.toString()).directory(music.toFile()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
    Files.createSymbolicLink(music.resolve("loop"), music);
    Files.createSymbolicLink(music.resolve("dangling.mp3"), music.resolve("missing.mp3"));
    // Not audio, or hidden: ignored without a word.
    write(music.resolve("cover.jpg"), new byte[] {1, 2, 3});
    write(music.resolve("notes.txt"), new byte[] {1, 2, 3});
    write(music.resolve(".hidden.mp3"), new byte[0]);
    write(music.resolve(".trash/old.mp3"), new byte[0]);
  }

  private List<String> expectedSkips() {
    List<String> skips = new java.util.ArrayList<>(List.of("empty.mp3", "not-audio.flac",
        "garbage.mp3", "bad\uFFFDname.wav", "loop", "dangling.mp3"));
    if (Encoder.available()) {
      skips.add("truncated.ogg");
    }
    return skips;
  }

  /** Broken files that get as far as being read (and so are cached as failures). */
  private int parsedBroken() {
    return Encoder.available() ? 3 : 2;
  }

  private void tagged(String format, String path, String title, String artist, String album,
                      String genre, String year) throws Exception {
    Path file = music.resolve(path);
    write(file, ENCODED.get(format));
    AudioFile audio = AudioFileIO.read(file.toFile());
    Tag tag = audio.getTagOrCreateAndSetDefault();
    tag.setField(FieldKey.TITLE, title);
    tag.setField(FieldKey.ARTIST, artist);
    tag.setField(FieldKey.ALBUM, album);
    tag.setField(FieldKey.GENRE, genre);
    tag.setField(FieldKey.YEAR, year);
    audio.commit();
  }

  private static Path wav(Path file, int millis) throws IOException {
    float[] samples = new float[22050 * millis / 1000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 22050));
    }
    return write(file, WavFile.encode(samples, 22050));
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  private static String reason(ScanReport report, String path) {
    return report.skipped().stream().filter(s -> s.path().equals(path)).map(Skipped::reason)
        .findFirst().orElse("(not skipped)");
  }

  private static Map<String, String> contentTypes(ScanReport report) {
    return report.songs().stream().collect(Collectors.toMap(Song::title, s -> Optional
        .ofNullable(report.audio().get(s.id())).map(AudioSource::contentType).orElse("none")));
  }

  private List<ILoggingEvent> warnings() {
    return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).collect(Collectors.toList());
  }

  private long warningsAbout(String path) {
    return warnings().stream().filter(e -> e.getFormattedMessage().startsWith("Skipping " + path + ":"))
        .count();
  }
}
