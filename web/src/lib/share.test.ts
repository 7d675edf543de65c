import { describe, expect, it } from 'vitest';
import { artUrl, isLoopbackHost, shareOrigin } from './share';

describe('join link origin', () => {
  it('recognises loopback names', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
    for (const h of ['192.168.1.20', 'jam.example', '10.0.0.1', 'localhost.example', '128.0.0.1']) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });

  it('uses the server join URL only when the page is on loopback', () => {
    const lan = 'http://192.168.1.20:4000';
    expect(shareOrigin({ origin: 'http://localhost:4000', hostname: 'localhost' }, lan)).toBe(lan);
    expect(shareOrigin({ origin: 'http://127.0.0.1:4000', hostname: '127.0.0.1' }, lan)).toBe(lan);
    expect(shareOrigin({ origin: 'https://jam.example', hostname: 'jam.example' }, lan)).toBe('https://jam.example');
    expect(shareOrigin({ origin: 'http://localhost:4000', hostname: 'localhost' }, null)).toBe('http://localhost:4000');
  });

  it('escapes song ids in art URLs', () => {
    expect(artUrl('a/b c')).toBe('/api/songs/a%2Fb%20c/art');
  });
});
