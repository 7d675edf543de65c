package dev.jamsession.gateway.http;

/**
 * A single HTTP byte range (RFC 9110 §14.1.2) resolved against a file size. Multi-range
 * requests are answered with the first range, which every audio element is content with.
 */
record ByteRange(long start, long end, boolean satisfiable) {

  long length() {
    return end - start + 1;
  }

  /** Null when there is no usable Range header (serve the whole file). */
  static ByteRange parse(String header, long size) {
    if (header == null || !header.startsWith("bytes=")) {
      return null;
    }
    String first = header.substring(6).split(",")[0].strip();
    int dash = first.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String from = first.substring(0, dash).strip();
      String to = first.substring(dash + 1).strip();
      if (from.isEmpty()) { // suffix: the last N bytes
        long n = Long.parseLong(to);
        return n <= 0 || size == 0 ? new ByteRange(0, 0, false)
            : new ByteRange(Math.max(0, size - n), size - 1, true);
      }
      long start = Long.parseLong(from);
      long end = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
      if (start >= size || end < start) {
        return new ByteRange(0, 0, false);
      }
      return new ByteRange(start, end, true);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
