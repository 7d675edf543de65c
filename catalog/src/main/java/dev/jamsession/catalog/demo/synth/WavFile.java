package dev.jamsession.catalog.demo.synth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Mono 16-bit PCM WAV: the one audio format every browser plays without a codec. */
public final class WavFile {

  public static final int HEADER_BYTES = 44;

  private WavFile() {}

  /** The complete file: RIFF header, then little-endian 16-bit samples. */
  public static byte[] encode(float[] samples, int sampleRate) {
    int dataBytes = samples.length * 2;
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16)
        .putShort((short) 1)           // PCM
        .putShort((short) 1)           // mono
        .putInt(sampleRate)
        .putInt(sampleRate * 2)        // bytes per second
        .putShort((short) 2)           // bytes per frame
        .putShort((short) 16);         // bits per sample
    b.put(ascii("data")).putInt(dataBytes);
    for (float s : samples) {
      b.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
    }
    return b.array();
  }

  /** Size of the file {@link #encode} writes for that many samples. */
  public static long fileSize(int samples) {
    return HEADER_BYTES + 2L * samples;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
