import { describe, expect, it } from 'vitest';
import { queuedPlaylistText } from './queuePlaylist';

describe('queuedPlaylistText', () => {
  it('counts what was added and what was skipped', () => {
    expect(queuedPlaylistText({ added: 3, skipped: 2 })).toBe('Added 3 songs (2 skipped)');
    expect(queuedPlaylistText({ added: 0, skipped: 4 })).toBe('Added 0 songs (4 skipped)');
  });

  it('says one song, not one songs', () => {
    expect(queuedPlaylistText({ added: 1, skipped: 0 })).toBe('Added 1 song (0 skipped)');
  });
});
