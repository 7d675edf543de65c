import { describe, expect, it } from 'vitest';
import { item, snapshot } from '../test/fixtures';
import {
  activeRules,
  describeMood,
  describeRule,
  durationWords,
  genresText,
  listWords,
  msOfMinutes,
  parseGenres,
  settingsPatch,
  turnsHint,
  upcomingTurns,
} from './partyRules';
import type { QueueItem } from './types';

const defaults = snapshot(1).settings;

describe('the rules in words', () => {
  it('says each limit as a person would', () => {
    const s = { ...defaults, maxSongsPerPerson: 3, maxSongDurationMs: 360_000, blockedGenres: ['Metal', 'Punk'], guestsCanAdd: false };
    expect(describeRule('maxSongsPerPerson', s)).toBe('Each person can have at most 3 songs waiting.');
    expect(describeRule('maxSongsPerPerson', { ...s, maxSongsPerPerson: 1 })).toBe('Each person can have at most 1 song waiting.');
    expect(describeRule('maxSongDurationMs', s)).toBe("Songs longer than 6 minutes can't be added.");
    expect(describeRule('blockedGenres', s)).toBe("Metal and Punk songs can't be added.");
    expect(describeRule('guestsCanAdd', s)).toBe('Only the host can add songs.');
    expect(describeRule('reactions', { ...s, reactions: false })).toBe('Reactions are off.');
    expect(describeRule('skipMaxVotes', s)).toBe('A skip never needs more than 10 votes, however big the room.');
    expect(describeRule('skipMaxVotes', { ...s, skipMaxVotes: 0 })).toMatch(/share of the room/);
  });
  it('says when there is no limit', () => {
    expect(describeRule('maxSongsPerPerson', defaults)).toMatch(/No limit/);
    expect(describeRule('maxSongDurationMs', defaults)).toMatch(/any length/);
    expect(describeRule('blockedGenres', defaults)).toBe('No genre is blocked.');
  });
  it('lists only the rules that restrict something', () => {
    expect(activeRules(defaults)).toEqual([]);
    expect(activeRules({ ...defaults, maxSongsPerPerson: 2, fairQueue: true })).toEqual([
      'Each person can have at most 2 songs waiting.',
      'Songs with the same votes take turns by who added them.',
    ]);
  });
  it('words durations and lists', () => {
    expect(durationWords(60_000)).toBe('1 minute');
    expect(durationWords(390_000)).toBe('6 min 30 s');
    expect(durationWords(30_000)).toBe('30 seconds');
    expect(listWords(['A'])).toBe('A');
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C');
    expect(msOfMinutes(6.5)).toBe(390_000);
  });
});

describe('the blocked-genres field', () => {
  it('splits on commas, trims, drops empties and repeats in any case', () => {
    expect(parseGenres(' Metal, punk ,, METAL,Drum & Bass ')).toEqual(['Metal', 'punk', 'Drum & Bass']);
    expect(parseGenres('')).toEqual([]);
    expect(genresText(['Metal', 'Punk'])).toBe('Metal, Punk');
    expect(parseGenres(genresText(['Metal', 'Punk']))).toEqual(['Metal', 'Punk']);
  });
});

describe('describeMood', () => {
  const moods = [
    { id: 'chill', name: 'Chill' },
    { id: 'feel-good', name: 'Feel good' },
  ];
  it('names the mood by the server\'s list, and by its id while the list loads', () => {
    expect(describeMood('feel-good', moods)).toBe('Mood: Feel good. Autofill and AI picks keep to it.');
    expect(describeMood('feel-good', null)).toBe('Mood: feel-good. Autofill and AI picks keep to it.');
    expect(describeMood(null, moods)).toBe('No mood: autofill and AI picks follow the room alone.');
  });
});

describe('settingsPatch', () => {
  it('sends only what changed, genre lists compared by value', () => {
    const current = { ...defaults, blockedGenres: ['Metal'] };
    expect(settingsPatch({ ...current, blockedGenres: ['Metal'] }, current)).toEqual({});
    expect(settingsPatch({ ...current, blockedGenres: ['Metal', 'Punk'], fairQueue: true }, current)).toEqual({
      blockedGenres: ['Metal', 'Punk'],
      fairQueue: true,
    });
    expect(settingsPatch({ ...current, blockedGenres: [] }, current)).toEqual({ blockedGenres: [] });
    expect(settingsPatch({ ...current, mood: 'chill' }, current)).toEqual({ mood: 'chill' });
    expect(settingsPatch({ ...current, mood: null }, { ...current, mood: 'chill' })).toEqual({ mood: null });
  });
});

describe('whose turn is next in a fair queue', () => {
  const by = (id: string, addedById: string, addedBy: string): QueueItem => ({ ...item(id, 0, 1, addedById), addedBy });
  it('names the adders in queue order, a run of one told once', () => {
    const q = [by('a', 'p1', 'Ana'), by('b', 'p2', 'Ben'), by('c', 'p2', 'Ben'), by('d', 'p1', 'Ana'), by('e', 'p3', 'Cy')];
    expect(upcomingTurns(q, 'px')).toEqual(['Ana', 'Ben', 'Ana']);
    expect(upcomingTurns(q, 'px', 10)).toEqual(['Ana', 'Ben', 'Ana', 'Cy']);
    expect(turnsHint(upcomingTurns(q, 'px'))).toBe('Next turn: Ana, then Ben, then Ana.');
  });
  it('says "you" for this participant and names no one for the recommender', () => {
    const q = [by('a', 'p2', 'Ben'), by('b', 'recommender', 'Recommender'), by('c', 'p1', 'Ana')];
    expect(upcomingTurns(q, 'p1')).toEqual(['Ben', 'a recommendation', 'you']);
    expect(turnsHint([])).toBe('');
  });
});
