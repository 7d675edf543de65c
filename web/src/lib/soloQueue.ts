// What the solo player plays in the normal view: one song, a playlist, or a mood's sequence.

import type { Song } from './types';

export interface SoloQueue {
  /** What is playing, for people: "Mood: Chill", a playlist's name, or a song's title. */
  label: string;
  songs: Song[];
  index: number;
}

export function single(song: Song): SoloQueue {
  return { label: song.title, songs: [song], index: 0 };
}

/** The queue moved on to its next song, or null when the last one has played. */
export function next(q: SoloQueue): SoloQueue | null {
  return q.index + 1 < q.songs.length ? { ...q, index: q.index + 1 } : null;
}

export function current(q: SoloQueue | null): Song | null {
  return q ? (q.songs[q.index] ?? null) : null;
}
