-- Version 1: playlists. song_ids is a JSON array of song ids (a playlist is read and written whole).
CREATE TABLE playlists (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  song_ids    TEXT NOT NULL,
  token_hash  TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
