import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';
import { ERROR_CODES } from './types';
import { codeFromSearch, joinLink, normalizeCode, validateCode, validateName, validateSettings } from './validation';

describe('names (PROTOCOL §8)', () => {
  it('accepts 1–20 code points after trimming', () => {
    expect(validateName('  Ann  ')).toBeNull();
    expect(validateName('a'.repeat(20))).toBeNull();
    expect(validateName('😀'.repeat(20))).toBeNull(); // 40 UTF-16 units, 20 code points
  });
  it('refuses empty, too long and control or format characters', () => {
    expect(validateName('   ')).toMatch(/Enter/);
    expect(validateName('a'.repeat(21))).toMatch(/20/);
    expect(validateName('An\u0007n')).toMatch(/control/);
    expect(validateName('An\u200Bn')).toMatch(/control/);
    expect(validateName('<b>Ann</b>')).toBeNull(); // shown as text, never HTML
  });
});

describe('codes', () => {
  it('accepts 6 of [A-Z0-9], typed in any case', () => {
    expect(validateCode('abc123')).toBeNull();
    expect(normalizeCode(' abc123 ')).toBe('ABC123');
  });
  it('explains what is wrong', () => {
    expect(validateCode('')).toMatch(/Enter/);
    expect(validateCode('ABC12')).toMatch(/6 characters/);
    expect(validateCode('ABC-12')).toMatch(/letters/);
  });
  it('reads ?code= from the join link', () => {
    expect(codeFromSearch('?code=abc123')).toBe('ABC123');
    expect(codeFromSearch('?code=nope')).toBe('');
    expect(codeFromSearch('')).toBe('');
    expect(joinLink('http://h:1/', 'ABC123')).toBe('http://h:1/?code=ABC123');
  });
});

describe('settings ranges', () => {
  const ok = { maxQueueSize: 50, skipThreshold: 0.5, maxParticipants: 50, maxSongsPerPerson: 0, maxSongDurationMs: 0, blockedGenres: [], skipMaxVotes: 10 };
  it('checks the §8 ranges', () => {
    expect(validateSettings(ok)).toEqual({});
    const e = validateSettings({ ...ok, maxQueueSize: 0, skipThreshold: 0, maxParticipants: 501 });
    expect(Object.keys(e).sort()).toEqual(['maxParticipants', 'maxQueueSize', 'skipThreshold']);
    expect(validateSettings({ ...ok, maxQueueSize: 1.5, skipThreshold: 1, maxParticipants: 2 })).toHaveProperty('maxQueueSize');
  });
  it('checks the §11 ranges at their edges', () => {
    for (const n of [0, 1, 200]) expect(validateSettings({ ...ok, maxSongsPerPerson: n })).toEqual({});
    for (const n of [0, 500]) expect(validateSettings({ ...ok, skipMaxVotes: n })).toEqual({});
    for (const n of [-1, 501, 1.5]) expect(validateSettings({ ...ok, skipMaxVotes: n })).toHaveProperty('skipMaxVotes');
    for (const n of [-1, 201, 2.5, NaN]) expect(validateSettings({ ...ok, maxSongsPerPerson: n })).toHaveProperty('maxSongsPerPerson');
    for (const ms of [0, 30_000, 3_600_000]) expect(validateSettings({ ...ok, maxSongDurationMs: ms })).toEqual({});
    for (const ms of [29_999, 1, 3_600_001, NaN]) {
      expect(validateSettings({ ...ok, maxSongDurationMs: ms }).maxSongDurationMs).toMatch(/0 for no limit/);
    }
  });
  it('takes at most 20 blocked genres of at most 40 characters', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `g${i}`);
    expect(validateSettings({ ...ok, blockedGenres: twenty })).toEqual({});
    expect(validateSettings({ ...ok, blockedGenres: [...twenty, 'x'] }).blockedGenres).toMatch(/20 genres \(this is 21\)/);
    expect(validateSettings({ ...ok, blockedGenres: ['é'.repeat(40)] })).toEqual({});
    expect(validateSettings({ ...ok, blockedGenres: ['Metal', 'a'.repeat(41)] }).blockedGenres).toMatch(/40 characters/);
  });
});

describe('error words', () => {
  it('has a plain sentence for every §3 code', () => {
    for (const c of ERROR_CODES) {
      const m = errorMessage(c);
      expect(m).not.toMatch(/Something went wrong\. Try again\.$/);
      expect(m.length).toBeGreaterThan(10);
    }
    expect(errorMessage('NOT_HOST')).toBe('Only the host can do that.');
  });
  it("shows the server's own sentence for a refusal of the party rules", () => {
    expect(errorMessage('PERSON_LIMIT', 'Ana already has 3 songs queued')).toBe('Ana already has 3 songs queued');
    expect(errorMessage('NOT_ALLOWED', 'Metal is blocked in this jam')).toBe('Metal is blocked in this jam');
    expect(errorMessage('NOT_ALLOWED', 'NOT_ALLOWED')).toMatch(/rules/); // no sentence came: the client's own
    expect(errorMessage('NOT_HOST', 'Only hosts')).toBe('Only the host can do that.');
  });
});
