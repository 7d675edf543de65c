// Client-side mirrors of PROTOCOL §8's name and code rules, for inline messages.

const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;

/** Returns a message for an invalid name, or null when the server will accept it. */
export function validateName(raw: string): string | null {
  return nameProblem(raw, 20, 'Enter your name.');
}

/** A playlist's name: the same rules, up to 60 code points (§13). */
export function validatePlaylistName(raw: string): string | null {
  return nameProblem(raw, 60, 'Enter a name for the playlist.');
}

function nameProblem(raw: string, max: number, empty: string): string | null {
  const name = raw.trim();
  const length = [...name].length; // code points, not UTF-16 units
  if (length === 0) return empty;
  if (length > max) return `Use at most ${max} characters (this is ${length}).`;
  if (CONTROL_OR_FORMAT.test(name)) return 'Remove invisible or control characters from the name.';
  return null;
}

/** Upper-cases and trims what was typed into the code field. */
export function normalizeCode(raw: string): string {
  return raw.trim().toUpperCase();
}

export function validateCode(raw: string): string | null {
  const code = normalizeCode(raw);
  if (code.length === 0) return 'Enter the 6-character jam code.';
  if (!/^[A-Z0-9]*$/.test(code)) return 'The code has only letters A–Z and digits.';
  if (code.length !== 6) return `The code has 6 characters (this has ${code.length}).`;
  return null;
}

/** The join link for a jam, relative to the page's origin. */
export function joinLink(origin: string, code: string): string {
  return `${origin.replace(/\/$/, '')}/?code=${encodeURIComponent(code)}`;
}

/** A code from the page's query string (?code=abc123), normalized, or '' when absent or malformed. */
export function codeFromSearch(search: string): string {
  const c = normalizeCode(new URLSearchParams(search).get('code') ?? '');
  return /^[A-Z0-9]{6}$/.test(c) ? c : '';
}

export interface SettingsDraft {
  maxQueueSize: number;
  skipThreshold: number;
  maxParticipants: number;
  maxSongsPerPerson: number;
  maxSongDurationMs: number;
  blockedGenres: string[];
  skipMaxVotes: number;
}

const isWhole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** Range checks of §8 and §11 for the settings a host types; returns field → message. */
export function validateSettings(s: SettingsDraft): Partial<Record<keyof SettingsDraft, string>> {
  const errors: Partial<Record<keyof SettingsDraft, string>> = {};
  if (!isWhole(s.maxQueueSize, 1, 200)) {
    errors.maxQueueSize = 'A whole number from 1 to 200.';
  }
  if (!(s.skipThreshold > 0 && s.skipThreshold <= 1)) {
    errors.skipThreshold = 'More than 0 and at most 1 (0.5 = half the room).';
  }
  if (!isWhole(s.maxParticipants, 2, 500)) {
    errors.maxParticipants = 'A whole number from 2 to 500.';
  }
  if (!isWhole(s.skipMaxVotes, 0, 500)) {
    errors.skipMaxVotes = 'A whole number from 0 (no cap) to 500.';
  }
  if (!isWhole(s.maxSongsPerPerson, 0, 200)) {
    errors.maxSongsPerPerson = 'A whole number from 0 (no limit) to 200.';
  }
  if (s.maxSongDurationMs !== 0 && !isWhole(s.maxSongDurationMs, 30_000, 3_600_000)) {
    errors.maxSongDurationMs = '0 for no limit, or from 0.5 to 60 minutes.';
  }
  const long = s.blockedGenres.find((g) => [...g].length > 40);
  if (s.blockedGenres.length > 20) {
    errors.blockedGenres = `At most 20 genres (this is ${s.blockedGenres.length}).`;
  } else if (long !== undefined) {
    errors.blockedGenres = `A genre has at most 40 characters ("${[...long].slice(0, 12).join('')}…" is longer).`;
  }
  return errors;
}
