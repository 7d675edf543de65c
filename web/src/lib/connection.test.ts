import { describe, expect, it } from 'vitest';
import { isOffline } from './connection';

describe('offline state', () => {
  const live = { browserOnline: true, probeOk: true, phase: 'joined' as const };
  it('is live only when every sign says so', () => {
    expect(isOffline(live)).toBe(false);
    expect(isOffline({ ...live, browserOnline: false })).toBe(true);
    expect(isOffline({ ...live, probeOk: false })).toBe(true);
    expect(isOffline({ ...live, phase: 'reconnecting' })).toBe(true);
  });
  it('says nothing outside a jam', () => {
    expect(isOffline({ browserOnline: false, probeOk: false, phase: 'idle' })).toBe(false);
    expect(isOffline({ browserOnline: false, probeOk: false, phase: 'joining' })).toBe(false);
  });
});
