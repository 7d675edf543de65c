// Request ids for the at-most-once retry of PROTOCOL §9: a state-changing command carries a
// fresh id, and a re-send of the same command (after its reply was lost) carries the same one.

type CryptoLike = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/**
 * A random UUID (v4). `crypto.randomUUID` exists only in secure contexts (https, localhost),
 * and phones often open the jam over plain http on the local network, so this falls back
 * to `crypto.getRandomValues`, which every context has.
 */
export function newRequestId(c: CryptoLike | undefined = globalThis.crypto): string {
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The commands that change a jam: each send carries a requestId (§4, §9). */
export const STATE_CHANGING = new Set([
  'jam.leave-session',
  'jam.add-to-queue',
  'jam.vote',
  'jam.remove-from-queue',
  'jam.play-next',
  'jam.playback-update',
  'jam.vote-skip',
  'jam.update-settings',
  'jam.kick',
  'jam.transfer-host',
  'jam.end-session',
  'jam.queue-playlist',
]);

/** The body to send: with a fresh requestId for a state-changing command, else as given. */
export function withRequestId(address: string, body: unknown, id: () => string = newRequestId): unknown {
  if (!STATE_CHANGING.has(address)) return body;
  const base = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ...base, requestId: id() };
}
