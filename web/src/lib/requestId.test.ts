import { describe, expect, it } from 'vitest';
import { newRequestId, withRequestId } from './requestId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('uses crypto.randomUUID where it exists', () => {
    expect(newRequestId({ randomUUID: () => 'abc', getRandomValues: (a) => a })).toBe('abc');
    expect(newRequestId()).toMatch(UUID);
  });

  it('falls back to getRandomValues outside secure contexts (plain http on a LAN)', () => {
    const c = { getRandomValues: <T extends ArrayBufferView | null>(a: T) => { (a as unknown as Uint8Array).fill(0xff); return a; } };
    const id = newRequestId(c as Pick<Crypto, 'getRandomValues'>);
    expect(id).toMatch(UUID);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(newRequestId(undefined)).toMatch(UUID);
  });

  it('is fresh each time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newRequestId()));
    expect(ids.size).toBe(100);
  });

  it('goes on state-changing commands only', () => {
    let n = 0;
    const id = () => `r${++n}`;
    expect(withRequestId('jam.vote', { itemId: 'a', value: 1 }, id)).toEqual({ itemId: 'a', value: 1, requestId: 'r1' });
    expect(withRequestId('jam.play-next', {}, id)).toEqual({ requestId: 'r2' });
    expect(withRequestId('jam.snapshot', {}, id)).toEqual({});
    expect(withRequestId('jam.time', {}, id)).toEqual({});
    expect(withRequestId('jam.get-recommendations', { limit: 5 }, id)).toEqual({ limit: 5 });
    // A join's reply binds the connection; it is never replayed from a remembered id.
    expect(withRequestId('jam.join-session', { code: 'ABC123' }, id)).toEqual({ code: 'ABC123' });
  });
});
