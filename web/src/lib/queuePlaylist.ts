// jam.queue-playlist (PROTOCOL §13) in words: what the host's toast says. Framework-free.

export interface QueuedPlaylist {
  added: number;
  skipped: number;
}

/** "Added 3 songs (2 skipped)": skipped counts duplicates and songs the catalog no longer has. */
export function queuedPlaylistText({ added, skipped }: QueuedPlaylist): string {
  return `Added ${added} ${added === 1 ? 'song' : 'songs'} (${skipped} skipped)`;
}
