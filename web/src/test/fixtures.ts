import type { Participant, QueueItem, Snapshot, Song } from '../lib/types';

export function song(id: string, durationMs = 180_000): Song {
  return { id, title: `Title ${id}`, artist: `Artist ${id}`, album: 'A', genre: 'pop', year: 2020, durationMs, audioUrl: `/api/songs/${id}/audio` };
}

export function item(id: string, score = 0, addedAt = 1, addedById = 'p1'): QueueItem {
  return { id, song: song(`s-${id}`), addedBy: 'Ann', addedById, addedAt, score, up: Math.max(0, score), down: Math.max(0, -score) };
}

export function participant(id: string, name = id, connected = true): Participant {
  return { id, name, joinedAt: 1, connected, isHost: false };
}

export function snapshot(rev: number, over: Partial<Snapshot> = {}): Snapshot {
  return {
    code: 'ABC123',
    rev,
    hostId: 'p1',
    participants: [participant('p1', 'Ann'), participant('p2', 'Bob')],
    queue: [],
    current: null,
    playback: { isPlaying: false, positionMs: 0, updatedAt: 0 },
    settings: {
      allowVoting: true,
      maxQueueSize: 50,
      autoPlay: true,
      skipThreshold: 0.5,
      maxParticipants: 50,
      guestsControlPlayback: false,
      listed: false,
      autofill: true,
      guestsCanAdd: true,
      maxSongsPerPerson: 0,
      maxSongDurationMs: 0,
      blockedGenres: [],
      fairQueue: false,
      reactions: true,
      skipMaxVotes: 10,
      mood: null,
    },
    history: [],
    skipVotes: { count: 0, needed: 1 },
    serverTime: 1000,
    you: { participantId: 'p2', name: 'Bob', isHost: false, resumeToken: 'tok', votes: {} },
    ...over,
  };
}

/** An in-memory stand-in for localStorage / sessionStorage; `m` shows what was stored. */
export class MemStorage {
  m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}
