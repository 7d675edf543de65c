package dev.jamsession.catalog.folder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.CatalogConfig;
import dev.jamsession.catalog.Catalogs;
import dev.jamsession.catalog.Picture;
import dev.jamsession.core.catalog.Song;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.images.ArtworkFactory;
import org.jaudiotagger.tag.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cover embedded in a real MP3's ID3 tag comes back byte for byte; a file without one has none. */
class EmbeddedPictureTest {

  @TempDir
  Path tmp;

  @Test
  void theEmbeddedPictureIsServedAsItIs() throws Exception {
    assertThat(Encoder.available()).as("ffmpeg must be installed (apt-get install -y ffmpeg)").isTrue();
    Path music = Files.createDirectories(tmp.resolve("music"));
    Path tagged = music.resolve("with-cover.mp3");
    Path plain = music.resolve("without-cover.mp3");
    Encoder.encode(tagged, "-metadata", "title=Covered", "-metadata", "album=Pictures");
    Encoder.encode(plain, "-metadata", "title=Bare", "-metadata", "album=Nothing");
    byte[] png = png(new Color(200, 30, 90));
    Path cover = tmp.resolve("cover.png");
    Files.write(cover, png);
    AudioFile audio = AudioFileIO.read(tagged.toFile());
    Tag tag = audio.getTagOrCreateAndSetDefault();
    tag.setField(ArtworkFactory.createArtworkFromFile(cover.toFile()));
    audio.commit();

    Catalog catalog = Catalogs.load(new CatalogConfig(music, null, tmp.resolve("cache")));

    Optional<Picture> picture = catalog.audio(id(catalog, "Covered")).flatMap(a -> a.picture());
    assertThat(picture).isPresent();
    assertThat(picture.get().mimeType()).isEqualTo("image/png");
    assertThat(picture.get().data()).isEqualTo(png);
    assertThat(catalog.audio(id(catalog, "Bare")).flatMap(a -> a.picture())).isEmpty();
  }

  @Test
  void typesAreTakenFromTheBytes() throws Exception {
    assertThat(EmbeddedPicture.sniff(png(Color.BLUE))).isEqualTo("image/png");
    assertThat(EmbeddedPicture.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00})).isEqualTo("image/jpeg");
    assertThat(EmbeddedPicture.sniff("<svg onload=x>".getBytes())).isNull();
  }

  private static String id(Catalog catalog, String title) {
    return catalog.all().stream().filter(s -> s.title().equals(title)).map(Song::id).findFirst().orElseThrow();
  }

  private static byte[] png(Color color) throws Exception {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 32, 32);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
