import { useCallback, useMemo, useState } from 'react';
import { useServices } from '../../context';
import { move, PlaylistKeys, removeAt, type OwnedPlaylist } from '../../lib/playlists';
import { JamError, type Song } from '../../lib/types';
import { createPlaylist, deletePlaylist, getPlaylist, updatePlaylist, type Playlist } from '../../net/api';

/** The open playlist and every change to it; each change is one PUT of the whole list. */
export interface PlaylistEditor {
  owned: OwnedPlaylist[];
  open: Playlist | null;
  /** Whether this browser holds the open playlist's edit token. */
  editable: boolean;
  busy: boolean;
  openById(id: string): Promise<void>;
  close(): void;
  create(name: string, songIds?: string[]): Promise<Playlist | null>;
  rename(name: string): Promise<void>;
  add(song: Song): Promise<void>;
  moveSong(from: number, to: number): Promise<void>;
  removeSong(index: number): Promise<void>;
  remove(): Promise<void>;
}

export function usePlaylistEditor(): PlaylistEditor {
  const { toasts } = useServices();
  const keys = useMemo(() => new PlaylistKeys(window.localStorage), []);
  const [owned, setOwned] = useState(() => keys.list());
  const [open, setOpen] = useState<Playlist | null>(null);
  const [busy, setBusy] = useState(false);
  const token = open ? keys.tokenFor(open.id) : null;

  const run = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | null> => {
      setBusy(true);
      try {
        return await work();
      } catch (e) {
        const text = e instanceof JamError ? e.message : 'The playlist could not be saved.';
        toasts.push({ kind: 'error', text, code: e instanceof JamError ? e.code : undefined });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [toasts],
  );

  const change = useCallback(
    async (edit: { name?: string; songIds?: string[] }) => {
      if (!open || !token) return;
      const r = await run(() => updatePlaylist(open.id, token, edit));
      if (r) {
        setOpen(r.playlist);
        if (edit.name) {
          keys.rename(r.playlist.id, r.playlist.name);
          setOwned(keys.list());
        }
      }
    },
    [open, token, run, keys],
  );

  const ids = open ? open.songs.map((s) => s.id) : [];
  return {
    owned,
    open,
    editable: token !== null,
    busy,
    async openById(id) {
      const r = await run(() => getPlaylist(id));
      if (r) setOpen(r.playlist);
    },
    close: () => setOpen(null),
    async create(name, songIds = []) {
      const r = await run(() => createPlaylist(name, songIds));
      if (!r) return null;
      keys.save({ id: r.playlist.id, name: r.playlist.name, editToken: r.editToken });
      setOwned(keys.list());
      setOpen(r.playlist);
      return r.playlist;
    },
    rename: (name) => change({ name }),
    add: (song) => change({ songIds: [...ids, song.id] }),
    moveSong: (from, to) => change({ songIds: move(ids, from, to) }),
    removeSong: (index) => change({ songIds: removeAt(ids, index) }),
    async remove() {
      if (!open || !token) return;
      const done = await run(() => deletePlaylist(open.id, token));
      if (done) {
        keys.forget(open.id);
        setOwned(keys.list());
        setOpen(null);
      }
    },
  };
}
