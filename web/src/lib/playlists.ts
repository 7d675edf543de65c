// Playlists in the browser (PROTOCOL §13): the edit tokens this browser holds, list edits,
// share links, and what a jam saves. Framework-free so it is unit-tested.

import type { JamState } from './jamState';

export const MAX_PLAYLIST_SONGS = 500;
const KEY = 'jam.playlists';

/** A playlist this browser created: its edit token exists nowhere else. */
export interface OwnedPlaylist {
  id: string;
  name: string;
  editToken: string;
}

interface KeyValueStorage {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

/** The edit tokens kept in localStorage; losing them (cleared site data) loses the right to edit. */
export class PlaylistKeys {
  constructor(private readonly storage: KeyValueStorage) {}

  list(): OwnedPlaylist[] {
    try {
      const raw = JSON.parse(this.storage.getItem(KEY) ?? '[]') as unknown;
      return Array.isArray(raw) ? raw.filter(isOwned) : [];
    } catch {
      return []; // damaged storage holds no tokens
    }
  }

  tokenFor(id: string): string | null {
    return this.list().find((p) => p.id === id)?.editToken ?? null;
  }

  /** Adds or renames an entry, newest first. */
  save(p: OwnedPlaylist): void {
    this.write([p, ...this.list().filter((o) => o.id !== p.id)]);
  }

  rename(id: string, name: string): void {
    this.write(this.list().map((o) => (o.id === id ? { ...o, name } : o)));
  }

  forget(id: string): void {
    this.write(this.list().filter((o) => o.id !== id));
  }

  private write(list: OwnedPlaylist[]): void {
    this.storage.setItem(KEY, JSON.stringify(list));
  }
}

function isOwned(v: unknown): v is OwnedPlaylist {
  const o = v as OwnedPlaylist;
  return !!o && typeof o.id === 'string' && typeof o.name === 'string' && typeof o.editToken === 'string';
}

/** The list with the item at `from` moved to `to` (both clamped into the list). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const target = Math.max(0, Math.min(list.length - 1, to));
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** What "Save as playlist" keeps of a jam: its history oldest first (§8 keeps it newest first), then what plays. */
export function jamSongIds(jam: Pick<JamState, 'history' | 'current'>): string[] {
  const ids = [...jam.history].reverse().map((h) => h.song.id);
  if (jam.current) ids.push(jam.current.song.id);
  return ids.slice(-MAX_PLAYLIST_SONGS);
}

/** The link that opens a playlist for anyone (read and play; editing needs the token). */
export function playlistLink(origin: string, id: string): string {
  return `${origin.replace(/\/$/, '')}/?playlist=${encodeURIComponent(id)}`;
}

export function playlistFromSearch(search: string): string {
  const id = new URLSearchParams(search).get('playlist') ?? '';
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : '';
}
