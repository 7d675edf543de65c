package dev.jamsession.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A WAV file's RIFF header, parsed independently of the code that wrote it. */
public record WavInfo(int format, int channels, int sampleRate, int bitsPerSample, long dataOffset,
                      long dataBytes, long fileBytes) {

  public static WavInfo read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    require(tag(b, 0).equals("RIFF"), "RIFF magic");
    require(b.getInt(4) == bytes.length - 8, "RIFF size = file size - 8");
    require(tag(b, 8).equals("WAVE"), "WAVE magic");
    int format = -1;
    int channels = -1;
    int rate = -1;
    int bits = -1;
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      String id = tag(b, pos);
      int size = b.getInt(pos + 4);
      if (id.equals("fmt ")) {
        format = b.getShort(pos + 8);
        channels = b.getShort(pos + 10);
        rate = b.getInt(pos + 12);
        require(b.getInt(pos + 16) == rate * b.getShort(pos + 20), "byte rate = rate * block align");
        bits = b.getShort(pos + 22);
        require(b.getShort(pos + 20) == channels * bits / 8, "block align");
      } else if (id.equals("data")) {
        require(format >= 0, "fmt chunk before data");
        return new WavInfo(format, channels, rate, bits, pos + 8, size, bytes.length);
      }
      pos += 8 + size + (size & 1);
    }
    throw new IOException("no data chunk");
  }

  public long durationMs() {
    return dataBytes * 1000 / ((long) sampleRate * channels * bitsPerSample / 8);
  }

  private static String tag(ByteBuffer b, int at) {
    byte[] t = new byte[4];
    b.get(at, t);
    return new String(t, StandardCharsets.US_ASCII);
  }

  private static void require(boolean ok, String what) throws IOException {
    if (!ok) {
      throw new IOException("invalid WAV: " + what);
    }
  }
}
