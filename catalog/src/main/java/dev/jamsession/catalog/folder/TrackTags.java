package dev.jamsession.catalog.folder;

/** What a file's tags say; any field may be null (missing), duration 0 when unknown. */
record TrackTags(String title, String artist, String album, String genre, Integer year,
                 long durationMs) {}
