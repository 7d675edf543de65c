import { describe, expect, it } from 'vitest';
import { scaleOf, sparkPath } from './sparkline';

const box = { width: 100, height: 20, capacity: 11, pad: 0 };

describe('sparkPath', () => {
  it('puts the newest value at the right edge, one slot per sample, zero at the bottom', () => {
    expect(sparkPath([0, 5, 10], box)).toBe('M80 20L90 10L100 0');
  });

  it('a full window spans the whole width', () => {
    const d = sparkPath(Array.from({ length: 11 }, () => 1), box, { min: 0, max: 2 });
    expect(d.startsWith('M0 10')).toBe(true);
    expect(d.endsWith('L100 10')).toBe(true);
  });

  it('keeps only the last `capacity` values', () => {
    const d = sparkPath(Array.from({ length: 30 }, (_, i) => i), { ...box, capacity: 3 }, { min: 0, max: 29 });
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(3);
  });

  it('breaks the line at gaps; a value alone between gaps is a short stroke', () => {
    const d = sparkPath([1, 1, null, 1, null, 1, 1], box, { min: 0, max: 2 });
    expect(d).toBe('M40 10L50 10M68.5 10L70 10M90 10L100 10');
  });

  it('draws a flat zero series on the bottom line, and nothing for no values', () => {
    expect(sparkPath([0, 0], box)).toBe('M90 20L100 20');
    expect(sparkPath([], box)).toBe('');
    expect(sparkPath([null, null], box)).toBe('');
  });

  it('shares one scale between series in the same box', () => {
    const s = scaleOf([[1, 2], [null, 8]]);
    expect(s).toEqual({ min: 0, max: 8 });
    expect(scaleOf([[]])).toEqual({ min: 0, max: 1 });
    expect(scaleOf([[0.2, 0.3]], { minSpan: 1 })).toEqual({ min: 0, max: 1 });
    expect(sparkPath([8], { ...box, capacity: 2 }, s)).toBe('M98.5 0L100 0');
  });
});
