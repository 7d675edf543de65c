package dev.jamsession.gateway.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * A cover drawn for an album that has no picture (the demo library, untagged files): an SVG
 * whose colours and shapes follow from a hash of artist and album, so every song of an album
 * shares one cover and different albums look different.
 */
final class CoverArt {
  private CoverArt() {}

  static String svg(String artist, String album) {
    String a = album == null || album.isBlank() ? "Single" : album;
    byte[] h = hash((artist == null ? "" : artist.toLowerCase(Locale.ROOT)) + "\u0000" + a.toLowerCase(Locale.ROOT));
    int hue1 = u(h[0]) * 360 / 256;
    int hue2 = (hue1 + 40 + u(h[1]) * 200 / 256) % 360;
    int shape = u(h[2]) % 3;
    StringBuilder s = new StringBuilder(1024)
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 300\" width=\"300\" height=\"300\">")
        .append("<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">")
        .append("<stop offset=\"0\" stop-color=\"hsl(").append(hue1).append(",70%,55%)\"/>")
        .append("<stop offset=\"1\" stop-color=\"hsl(").append(hue2).append(",65%,30%)\"/>")
        .append("</linearGradient></defs><rect width=\"300\" height=\"300\" fill=\"url(#g)\"/>");
    for (int i = 0; i < 4; i++) {
      int x = u(h[3 + i * 3]) * 300 / 256;
      int y = u(h[4 + i * 3]) * 300 / 256;
      int r = 30 + u(h[5 + i * 3]) * 90 / 256;
      String fill = "hsla(" + ((hue1 + 180 + i * 30) % 360) + ",80%,75%,0." + (2 + i) + ")";
      switch (shape) {
        case 0 -> s.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(r)
            .append("\" fill=\"").append(fill).append("\"/>");
        case 1 -> s.append("<rect x=\"").append(x - r / 2).append("\" y=\"").append(y - r / 2).append("\" width=\"")
            .append(r).append("\" height=\"").append(r).append("\" transform=\"rotate(").append(u(h[5 + i]) % 90)
            .append(' ').append(x).append(' ').append(y).append(")\" fill=\"").append(fill).append("\"/>");
        default -> s.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"300\" height=\"").append(r / 3)
            .append("\" fill=\"").append(fill).append("\"/>");
      }
    }
    return s.append("<text x=\"22\" y=\"272\" font-family=\"system-ui,sans-serif\" font-size=\"64\" font-weight=\"700\" ")
        .append("fill=\"#fff\" fill-opacity=\"0.9\">").append(escape(initials(a))).append("</text></svg>")
        .toString();
  }

  /** Up to two initials of the album's words, e.g. "Night Drive" → "ND". */
  static String initials(String album) {
    StringBuilder out = new StringBuilder();
    for (String word : album.trim().split("\\s+")) {
      if (!word.isEmpty() && out.codePointCount(0, out.length()) < 2) {
        out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      }
    }
    return out.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static int u(byte b) {
    return b & 0xff;
  }

  private static byte[] hash(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
