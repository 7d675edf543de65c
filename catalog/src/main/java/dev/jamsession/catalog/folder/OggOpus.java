package dev.jamsession.catalog.folder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an Ogg Opus file's tags and length (jaudiotagger 3 does not know Opus): the OpusHead
 * packet gives the pre-skip, the OpusTags packet holds Vorbis comments, and the granule
 * position of the last page counts 48 kHz samples.
 */
final class OggOpus {

  private static final int MAX_TAGS_BYTES = 1 << 20;
  private static final int TAIL_BYTES = 64 * 1024;

  private OggOpus() {}

  static boolean isOpus(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] head = new PacketReader(ch).next(64);
      return head != null && startsWith(head, "OpusHead");
    } catch (IOException e) {
      return false;
    }
  }

  static TrackTags read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      PacketReader packets = new PacketReader(ch);
      byte[] head = packets.next(64);
      if (head == null || !startsWith(head, "OpusHead") || head.length < 19) {
        throw new IOException("not an Ogg Opus stream");
      }
      int preSkip = (head[10] & 0xff) | (head[11] & 0xff) << 8;
      byte[] tagsPacket = packets.next(MAX_TAGS_BYTES);
      Map<String, String> tags = tagsPacket != null && startsWith(tagsPacket, "OpusTags")
          ? comments(tagsPacket) : Map.of();
      long granule = lastGranule(ch);
      long durationMs = granule > preSkip ? (granule - preSkip) * 1000 / 48000 : 0;
      Integer year = null;
      String date = tags.get("DATE");
      if (date != null && date.matches("\\d{4}.*")) {
        year = Integer.parseInt(date.substring(0, 4));
      }
      String artist = tags.getOrDefault("ARTIST", tags.get("ALBUMARTIST"));
      return new TrackTags(tags.get("TITLE"), artist, tags.get("ALBUM"), tags.get("GENRE"), year,
          durationMs);
    }
  }

  /** Vorbis comments: vendor string, then "KEY=value" entries, all length-prefixed. */
  private static Map<String, String> comments(byte[] packet) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
    b.position(8);
    skip(b, b.getInt());
    int count = b.getInt();
    Map<String, String> tags = new HashMap<>();
    for (int i = 0; i < count && b.remaining() >= 4; i++) {
      int length = b.getInt();
      if (length < 0 || length > b.remaining()) {
        throw new IOException("broken OpusTags packet");
      }
      String comment = new String(packet, b.position(), length, StandardCharsets.UTF_8);
      skip(b, length);
      int eq = comment.indexOf('=');
      if (eq > 0) {
        tags.putIfAbsent(comment.substring(0, eq).toUpperCase(Locale.ROOT), comment.substring(eq + 1));
      }
    }
    return tags;
  }

  private static void skip(ByteBuffer b, int n) throws IOException {
    if (n < 0 || n > b.remaining()) {
      throw new IOException("broken OpusTags packet");
    }
    b.position(b.position() + n);
  }

  /** The granule position of the last page, found by searching the file's tail for "OggS". */
  private static long lastGranule(FileChannel ch) throws IOException {
    long size = ch.size();
    int n = (int) Math.min(size, TAIL_BYTES);
    ByteBuffer tail = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(tail, size - n);
    byte[] t = tail.array();
    for (int i = n - 27; i >= 0; i--) {
      if (t[i] == 'O' && t[i + 1] == 'g' && t[i + 2] == 'g' && t[i + 3] == 'S' && t[i + 4] == 0) {
        long granule = tail.getLong(i + 6);
        if (granule != -1) {
          return granule;
        }
      }
    }
    throw new IOException("no Ogg page at the end of the file");
  }

  private static boolean startsWith(byte[] data, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    if (data.length < m.length) {
      return false;
    }
    for (int i = 0; i < m.length; i++) {
      if (data[i] != m[i]) {
        return false;
      }
    }
    return true;
  }

  /** Reassembles packets from the pages at the start of the stream. */
  private static final class PacketReader {
    private final FileChannel ch;
    private long position;
    private byte[] lacing = new byte[0];
    private int lacingIndex;
    private long payloadPosition;

    PacketReader(FileChannel ch) {
      this.ch = ch;
    }

    /** The next packet, null at the end of the file; longer than {@code max} is an error. */
    byte[] next(int max) throws IOException {
      ByteArrayOutputStream packet = new ByteArrayOutputStream();
      while (true) {
        if (lacingIndex == lacing.length && !nextPage()) {
          return null;
        }
        int segment = lacing[lacingIndex++] & 0xff;
        ByteBuffer data = ByteBuffer.allocate(segment);
        if (segment > 0 && ch.read(data, payloadPosition) != segment) {
          throw new IOException("truncated Ogg page");
        }
        payloadPosition += segment;
        packet.write(data.array(), 0, segment);
        if (packet.size() > max) {
          throw new IOException("Ogg packet larger than " + max + " bytes");
        }
        if (segment < 255) {
          return packet.toByteArray();
        }
      }
    }

    private boolean nextPage() throws IOException {
      ByteBuffer header = ByteBuffer.allocate(27).order(ByteOrder.LITTLE_ENDIAN);
      if (ch.read(header, position) < 27) {
        return false;
      }
      byte[] h = header.array();
      if (h[0] != 'O' || h[1] != 'g' || h[2] != 'g' || h[3] != 'S') {
        throw new IOException("not an Ogg page at byte " + position);
      }
      int segments = h[26] & 0xff;
      ByteBuffer table = ByteBuffer.allocate(segments);
      if (ch.read(table, position + 27) < segments) {
        throw new IOException("truncated Ogg page");
      }
      lacing = table.array();
      lacingIndex = 0;
      payloadPosition = position + 27 + segments;
      int payload = 0;
      for (byte b : lacing) {
        payload += b & 0xff;
      }
      position = payloadPosition + payload;
      return segments > 0 || nextPage();
    }
  }
}
