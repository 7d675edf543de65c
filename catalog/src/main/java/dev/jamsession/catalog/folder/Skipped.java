package dev.jamsession.catalog.folder;

/** A file of the music folder that is not in the catalog, and why. */
public record Skipped(String path, String reason) {}
