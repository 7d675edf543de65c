import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './lib/errors';
import { JamError, type Song } from './lib/types';
import { searchSongs } from './net/api';

export interface SongSearch {
  songs: Song[];
  total: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadMore(): void;
}

/** Server-side search (GET /api/songs), debounced, paged with "load more". */
export function useSongSearch(query: string, pageSize = 20, debounceMs = 250): SongSearch {
  const [songs, setSongs] = useState<Song[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ctrl = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (q: string, offset: number) => {
      ctrl.current?.abort();
      const c = new AbortController();
      ctrl.current = c;
      setLoading(true);
      searchSongs(q, pageSize, offset, c.signal).then(
        (page) => {
          if (c.signal.aborted) return;
          setSongs((prev) => (offset === 0 ? page.songs : [...prev, ...page.songs]));
          setTotal(page.total);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (c.signal.aborted) return;
          setLoading(false);
          setError(e instanceof JamError ? errorMessage(e.code, e.message) : 'Could not load songs.');
        },
      );
    },
    [pageSize],
  );

  useEffect(() => {
    const t = setTimeout(() => fetchPage(query, 0), query ? debounceMs : 0);
    return () => clearTimeout(t);
  }, [query, fetchPage, debounceMs]);

  useEffect(() => () => ctrl.current?.abort(), []);

  return {
    songs,
    total,
    loading,
    error,
    hasMore: songs.length < total,
    loadMore: () => fetchPage(query, songs.length),
  };
}
