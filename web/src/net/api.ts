// The REST side of PROTOCOL §7, same origin.

import type { StatusData } from '../lib/statusSamples';
import { JamError, type Song } from '../lib/types';

interface Envelope<T> {
  success: boolean;
  data?: T;
  code?: string;
  error?: string;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } });
  } catch {
    throw new JamError('DISCONNECTED', 'Could not reach the server');
  }
  let env: Envelope<T> | null = null;
  try {
    env = (await res.json()) as Envelope<T>;
  } catch {
    /* not JSON */
  }
  if (env && env.success) return env.data as T;
  const code = (env?.code ?? (res.status >= 500 ? 'UNAVAILABLE' : 'INTERNAL')) as JamError['code'];
  throw new JamError(code, env?.error ?? res.statusText);
}

export interface SongPage {
  total: number;
  songs: Song[];
}

export function searchSongs(q: string, limit: number, offset: number, signal?: AbortSignal): Promise<SongPage> {
  const p = new URLSearchParams();
  if (q.trim()) p.set('q', q.trim());
  p.set('limit', String(limit));
  p.set('offset', String(offset));
  return call<SongPage>(`/api/songs?${p}`, { signal });
}

export function createJam(hostName: string): Promise<{ sessionCode: string; hostToken: string }> {
  return call('/api/jam/create', { method: 'POST', body: JSON.stringify({ hostName }) });
}

export interface JamSummary {
  code: string;
  hostName: string;
  participantCount: number;
  queueLength: number;
  nowPlaying: { title: string; artist: string } | null;
  createdAt: number;
}

export function getJam(code: string): Promise<JamSummary> {
  return call(`/api/jam/session/${encodeURIComponent(code)}`);
}

/** One answer of GET /api/status (the operator's numbers), told apart by what the page does next. */
export type StatusResult =
  | { kind: 'ok'; data: StatusData }
  | { kind: 'forbidden'; message: string }
  | { kind: 'rate-limited'; retryAfterMs: number; message: string }
  | { kind: 'error'; message: string };

export async function fetchStatus(token: string | null, signal?: AbortSignal): Promise<StatusResult> {
  let res: Response;
  try {
    res = await fetch('/api/status', {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    return { kind: 'error', message: 'Could not reach the server' };
  }
  let env: Envelope<StatusData> | null = null;
  try {
    env = (await res.json()) as Envelope<StatusData>;
  } catch {
    /* not JSON */
  }
  if (res.ok && env?.success && env.data) return { kind: 'ok', data: env.data };
  const message = env?.error ?? `HTTP ${res.status} ${res.statusText}`.trim();
  if (res.status === 403 || res.status === 401) return { kind: 'forbidden', message };
  if (res.status === 429) {
    const secs = Number(res.headers.get('retry-after'));
    return { kind: 'rate-limited', retryAfterMs: Number.isFinite(secs) && secs > 0 ? secs * 1000 : 5000, message };
  }
  return { kind: 'error', message };
}

export interface ServerConfig {
  /** Where phones in the room reach this server (PROTOCOL §9), or null when none is known. */
  joinUrl: string | null;
  tls: boolean;
}

let config: Promise<ServerConfig> | null = null;

/** GET /api/config, asked once per page; a failure is asked again next time. */
export function getConfig(): Promise<ServerConfig> {
  config ??= call<ServerConfig>('/api/config').catch((e: unknown) => {
    config = null;
    throw e;
  });
  return config;
}

// Playlists and moods (PROTOCOL §13). The edit token goes only into the Authorization header.

export interface Playlist {
  id: string;
  name: string;
  songs: Song[];
  missingCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface Mood {
  id: string;
  name: string;
  description: string;
}

export function createPlaylist(name: string, songIds: string[]): Promise<{ playlist: Playlist; editToken: string }> {
  return call('/api/playlists', { method: 'POST', body: JSON.stringify({ name, songIds }) });
}

export function getPlaylist(id: string): Promise<{ playlist: Playlist }> {
  return call(`/api/playlists/${encodeURIComponent(id)}`);
}

export function updatePlaylist(
  id: string,
  editToken: string,
  change: { name?: string; songIds?: string[] },
): Promise<{ playlist: Playlist }> {
  return call(`/api/playlists/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: JSON.stringify(change),
    headers: { authorization: `Bearer ${editToken}` },
  });
}

export function deletePlaylist(id: string, editToken: string): Promise<Record<string, never>> {
  return call(`/api/playlists/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${editToken}` },
  });
}

export function listMoods(): Promise<{ moods: Mood[] }> {
  return call('/api/moods');
}

export function moodPlay(mood: string, limit = 20): Promise<{ mood: Mood; songs: Song[] }> {
  return call(`/api/mood-play?mood=${encodeURIComponent(mood)}&limit=${limit}`);
}
