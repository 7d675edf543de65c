package dev.jamsession.playlists;

/** A playlist with the hash of its edit token; the token itself is never stored. */
public record StoredPlaylist(Playlist playlist, String tokenHash) {}
