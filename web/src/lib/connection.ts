// Whether the page is really live, from what can be observed: the browser's online flag, the
// liveness probe over the bridge, and the connection phase. Framework-free.

import type { Phase } from './reconnect';

export interface LinkState {
  /** navigator.onLine, as the online/offline events report it. */
  browserOnline: boolean;
  /** The last liveness probe (jam.time) was answered in time. */
  probeOk: boolean;
  phase: Phase;
}

/** Offline while in (or rejoining) a jam and any sign says the link is down. */
export function isOffline(s: LinkState): boolean {
  if (s.phase === 'idle' || s.phase === 'joining') return false;
  return s.phase === 'reconnecting' || !s.browserOnline || !s.probeOk;
}

/** The reason shown on disabled actions and in the banner. */
export const OFFLINE_TEXT = 'Offline — reconnecting…';
