import { describe, expect, it } from 'vitest';
import { song } from '../test/fixtures';
import { current, next, single } from './soloQueue';

describe('the solo queue', () => {
  it('plays its songs in order and stops after the last', () => {
    const q = { label: 'Mix', songs: [song('a'), song('b')], index: 0 };
    expect(current(q)?.id).toBe('a');
    const second = next(q);
    expect(current(second)?.id).toBe('b');
    expect(next(second!)).toBeNull();
    expect(current(null)).toBeNull();
  });
  it('plays one song alone', () => {
    expect(single(song('x'))).toEqual({ label: 'Title x', songs: [song('x')], index: 0 });
  });
});
