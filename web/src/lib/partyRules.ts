// The party rules of PROTOCOL §11 in words, the blocked-genres field, the settings patch the
// host's form sends, and whose turn comes next in a fair queue. Framework-free.

import { isRecommended } from './songLabels';
import type { QueueItem, Settings } from './types';

const MINUTE = 60_000;

/** 360000 → "6 minutes", 390000 → "6 min 30 s", 30000 → "30 seconds". */
export function durationWords(ms: number): string {
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m === 0) return `${rest} second${rest === 1 ? '' : 's'}`;
  if (rest === 0) return `${m} minute${m === 1 ? '' : 's'}`;
  return `${m} min ${rest} s`;
}

/** "Metal", "Metal and Punk", "Metal, Punk and Ska". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export type RuleKey =
  | 'guestsCanAdd'
  | 'maxSongsPerPerson'
  | 'maxSongDurationMs'
  | 'blockedGenres'
  | 'fairQueue'
  | 'reactions'
  | 'skipMaxVotes';

type RuleSettings = Pick<Settings, RuleKey>;

/** Each rule as it stands, in a sentence (the host's form shows it under the field). */
export function describeRule(k: RuleKey, s: RuleSettings): string {
  switch (k) {
    case 'guestsCanAdd':
      return s.guestsCanAdd ? 'Everyone can add songs.' : 'Only the host can add songs.';
    case 'maxSongsPerPerson': {
      const n = s.maxSongsPerPerson;
      return n > 0 ? `Each person can have at most ${n} song${n === 1 ? '' : 's'} waiting.` : 'No limit on how many songs each person has waiting.';
    }
    case 'maxSongDurationMs':
      return s.maxSongDurationMs > 0
        ? `Songs longer than ${durationWords(s.maxSongDurationMs)} can't be added.`
        : 'Songs of any length can be added.';
    case 'blockedGenres':
      return s.blockedGenres.length > 0 ? `${listWords(s.blockedGenres)} songs can't be added.` : 'No genre is blocked.';
    case 'fairQueue':
      return s.fairQueue
        ? 'Songs with the same votes take turns by who added them.'
        : 'Songs with the same votes play in the order they were added.';
    case 'reactions':
      return s.reactions ? 'Everyone can send reactions.' : 'Reactions are off.';
    case 'skipMaxVotes': {
      const n = s.skipMaxVotes;
      return n > 0
        ? `A skip never needs more than ${n} vote${n === 1 ? '' : 's'}, however big the room.`
        : 'A skip needs that share of the room, however big it is.';
    }
  }
}

/** What a guest should know before adding: the rules that restrict anything, in words. */
export function activeRules(s: RuleSettings): string[] {
  const on: RuleKey[] = [];
  if (!s.guestsCanAdd) on.push('guestsCanAdd');
  if (s.maxSongsPerPerson > 0) on.push('maxSongsPerPerson');
  if (s.maxSongDurationMs > 0) on.push('maxSongDurationMs');
  if (s.blockedGenres.length > 0) on.push('blockedGenres');
  if (s.fairQueue) on.push('fairQueue');
  return on.map((k) => describeRule(k, s));
}

/**
 * The jam's mood (§13) in a sentence: what it steers. `moods` are those of GET /api/moods, null
 * while they load (the id stands in for the name meanwhile).
 */
export function describeMood(mood: string | null, moods: readonly { id: string; name: string }[] | null): string {
  if (mood === null) return 'No mood: autofill and AI picks follow the room alone.';
  const name = moods?.find((m) => m.id === mood)?.name ?? mood;
  return `Mood: ${name}. Autofill and AI picks keep to it.`;
}

/** The blocked-genres field: comma-separated, trimmed, empty entries and repeats (any case) dropped. */
export function parseGenres(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const g = raw.trim();
    if (!g || seen.has(g.toLowerCase())) continue;
    seen.add(g.toLowerCase());
    out.push(g);
  }
  return out;
}

export function genresText(genres: readonly string[]): string {
  return genres.join(', ');
}

export const minutesOf = (ms: number): number => ms / MINUTE;
export const msOfMinutes = (minutes: number): number => Math.round(minutes * MINUTE);

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The settings the form changed, compared by value (a genre list is a new array each edit). */
export function settingsPatch(draft: Settings, current: Settings): Partial<Settings> {
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(draft) as (keyof Settings)[]) {
    if (!sameValue(draft[k], current[k])) patch[k] = draft[k];
  }
  return patch as Partial<Settings>;
}

/**
 * Whose turn comes next in a fair queue: the adders in queue order, a run of one adder's songs
 * told once ("Ana, then Ben, then Ana"), at most `n` turns. This participant is "you"; the
 * recommender's items, which count for nobody (§11), are "a recommendation".
 */
export function upcomingTurns(queue: readonly QueueItem[], youId: string, n = 3): string[] {
  const turns: string[] = [];
  let last: string | null = null;
  for (const item of queue) {
    if (item.addedById === last) continue;
    last = item.addedById;
    turns.push(isRecommended(item) ? 'a recommendation' : item.addedById === youId ? 'you' : item.addedBy);
    if (turns.length === n) break;
  }
  return turns;
}

/** The hint under a fair queue's title: "Next turn: Ana, then Ben, then you." */
export function turnsHint(turns: readonly string[]): string {
  return turns.length === 0 ? '' : `Next turn: ${turns.join(', then ')}.`;
}
