package dev.jamsession.catalog;

/** A song's cover picture as its file embeds it (JPEG or PNG bytes). */
public record Picture(String mimeType, byte[] data) {}
