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
  it('checks the §8 ranges', () => {
    expect(validateSettings({ maxQueueSize: 50, skipThreshold: 0.5, maxParticipants: 50 })).toEqual({});
    const e = validateSettings({ maxQueueSize: 0, skipThreshold: 0, maxParticipants: 501 });
    expect(Object.keys(e).sort()).toEqual(['maxParticipants', 'maxQueueSize', 'skipThreshold']);
    expect(validateSettings({ maxQueueSize: 1.5, skipThreshold: 1, maxParticipants: 2 })).toHaveProperty('maxQueueSize');
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
});
