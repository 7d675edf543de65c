package dev.jamsession.catalog.folder;

/**
 * What the last scan learnt about one file, valid while its size and modification time are
 * unchanged: its song metadata, or why it was skipped ({@code error} non-null).
 */
record IndexEntry(String path, long size, long mtime, String title, String artist, String album,
                  String genre, int year, long durationMs, String error) {

  static IndexEntry failed(String path, long size, long mtime, String error) {
    return new IndexEntry(path, size, mtime, null, null, null, null, 0, 0, error);
  }

  boolean matches(long size, long mtime) {
    return this.size == size && this.mtime == mtime;
  }
}
