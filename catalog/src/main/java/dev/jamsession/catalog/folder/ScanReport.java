package dev.jamsession.catalog.folder;

import dev.jamsession.catalog.AudioSource;
import dev.jamsession.core.catalog.Song;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a music folder scan: its songs and their audio, how many files were actually
 * read ({@code parsed}) or taken from the index cache ({@code reused}), and what was skipped.
 */
public record ScanReport(List<Song> songs, Map<String, AudioSource> audio, int parsed, int reused,
                         List<Skipped> skipped) {}
