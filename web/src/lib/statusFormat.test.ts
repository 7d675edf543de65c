import { describe, expect, it } from 'vitest';
import { describeSeries, formatCount, formatMs, formatRate, formatSpan } from './statusFormat';

describe('status numbers in words', () => {
  it('formats counts, rates and milliseconds, with a dash for no value', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(null)).toBe('—');
    expect(formatRate(0)).toBe('0');
    expect(formatRate(2.345)).toBe('2.3');
    expect(formatRate(1234.4)).toBe('1,234');
    expect(formatRate(null)).toBe('—');
    expect(formatMs(0.9994)).toBe('1.0 ms');
    expect(formatMs(251.6)).toBe('252 ms');
    expect(formatMs(null)).toBe('—');
  });

  it('describes a chart for screen readers', () => {
    expect(formatSpan(118_000)).toBe('2 min');
    expect(formatSpan(46_000)).toBe('46 s');
    expect(describeSeries('Active jams', [1, 3, null, 2], 6000)).toBe('Active jams over the last 6 s: between 1 and 3, now 2');
    expect(describeSeries('Connections', [4, 4], 2000)).toBe('Connections over the last 2 s: steady at 4, now 4');
    expect(describeSeries('Messages in per second', [null], 0, formatRate)).toBe('Messages in per second: no data yet');
  });
});
