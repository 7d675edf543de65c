import { describe, expect, it } from 'vitest';
import { item, song } from '../test/fixtures';
import { MemStorage } from '../test/fixtures';
import { jamSongIds, move, PlaylistKeys, playlistFromSearch, playlistLink, removeAt } from './playlists';
import { validatePlaylistName } from './validation';

describe('edit tokens in storage', () => {
  it('keeps, renames and forgets, newest first', () => {
    const storage = new MemStorage();
    const keys = new PlaylistKeys(storage);
    keys.save({ id: 'a', name: 'A', editToken: 'ta' });
    keys.save({ id: 'b', name: 'B', editToken: 'tb' });
    expect(keys.list().map((p) => p.id)).toEqual(['b', 'a']);
    keys.rename('a', 'A2');
    expect(new PlaylistKeys(storage).list()).toEqual([
      { id: 'b', name: 'B', editToken: 'tb' },
      { id: 'a', name: 'A2', editToken: 'ta' },
    ]);
    expect(keys.tokenFor('a')).toBe('ta');
    keys.forget('a');
    expect(keys.tokenFor('a')).toBeNull();
  });
  it('treats damaged storage as holding nothing', () => {
    const storage = new MemStorage();
    storage.setItem('jam.playlists', '{not json');
    expect(new PlaylistKeys(storage).list()).toEqual([]);
    storage.setItem('jam.playlists', JSON.stringify([{ id: 1 }, { id: 'x', name: 'X', editToken: 't' }]));
    expect(new PlaylistKeys(storage).list()).toEqual([{ id: 'x', name: 'X', editToken: 't' }]);
  });
});

describe('list edits', () => {
  it('moves an item up, down and to the ends, clamped', () => {
    expect(move(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(move(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
  it('removes one position even when the same song stands twice', () => {
    expect(removeAt(['x', 'y', 'x'], 2)).toEqual(['x', 'y']);
  });
});

describe('saving a jam', () => {
  it('takes history oldest first, then the current song', () => {
    const history = [
      { song: song('newest'), addedBy: 'A', playedAt: 3 },
      { song: song('older'), addedBy: 'A', playedAt: 2 },
      { song: song('oldest'), addedBy: 'A', playedAt: 1 },
    ];
    const current = { ...item('q1'), song: song('now') };
    expect(jamSongIds({ history, current })).toEqual(['oldest', 'older', 'newest', 'now']);
    expect(jamSongIds({ history: [], current: null })).toEqual([]);
  });
});

describe('links and names', () => {
  it('round-trips a playlist id through its share link', () => {
    const link = playlistLink('https://jam.example/', 'Ab_-9');
    expect(link).toBe('https://jam.example/?playlist=Ab_-9');
    expect(playlistFromSearch(new URL(link).search)).toBe('Ab_-9');
    expect(playlistFromSearch('?playlist=../etc')).toBe('');
  });
  it('allows 60 code points in a playlist name', () => {
    expect(validatePlaylistName('🎸'.repeat(60))).toBeNull();
    expect(validatePlaylistName('a'.repeat(61))).toMatch(/60/);
    expect(validatePlaylistName('  ')).toMatch(/name/);
  });
});
