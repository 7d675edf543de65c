import { describe, expect, it } from 'vitest';
import { item } from '../test/fixtures';
import { addButtonAriaLabel, addButtonLabel, isRecommended, songStatus } from './songLabels';

describe('songStatus', () => {
  const current = item('c');
  const jam = { current, queue: [item('a'), item('b')] };

  it('is playing for the current song, queued for queued songs, null otherwise', () => {
    expect(songStatus(jam, 's-c')).toBe('playing');
    expect(songStatus(jam, 's-a')).toBe('queued');
    expect(songStatus(jam, 's-b')).toBe('queued');
    expect(songStatus(jam, 's-x')).toBeNull();
  });

  it('prefers playing when the current song is queued again', () => {
    expect(songStatus({ current, queue: [{ ...item('d'), song: current.song }] }, 's-c')).toBe('playing');
  });

  it('handles nothing playing', () => {
    expect(songStatus({ current: null, queue: [] }, 's-c')).toBeNull();
    expect(songStatus({ current: null, queue: [item('a')] }, 's-a')).toBe('queued');
  });
});

describe('add button labels', () => {
  it('says Playing, Queued or Add', () => {
    expect(addButtonLabel('playing')).toBe('Playing');
    expect(addButtonLabel('queued')).toBe('Queued');
    expect(addButtonLabel(null)).toBe('Add');
    expect(addButtonAriaLabel('playing', 'Song')).toBe('Song is playing now');
    expect(addButtonAriaLabel('queued', 'Song')).toBe('Song is already queued');
    expect(addButtonAriaLabel(null, 'Song')).toBe('Add Song to the queue');
  });
});

describe('isRecommended', () => {
  it('is true only for items autofill added', () => {
    expect(isRecommended(item('a', 0, 1, 'recommender'))).toBe(true);
    expect(isRecommended(item('a', 0, 1, 'p1'))).toBe(false);
  });
});
