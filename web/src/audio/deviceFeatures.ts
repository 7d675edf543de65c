// Phone features that need a secure page and a willing browser: the lock-screen Media Session
// and a screen wake lock. Each is used only where it exists; nothing fails without them.

import { useEffect } from 'react';
import { artUrl } from '../lib/share';
import type { QueueItem } from '../lib/types';

/** Shows the song and its cover on the lock screen and in the system's media controls. */
export function useMediaSession(current: QueueItem | null, playing: boolean, onToggle: (() => void) | null): void {
  useEffect(() => {
    const ms = typeof navigator !== 'undefined' ? navigator.mediaSession : undefined;
    if (!ms || typeof MediaMetadata === 'undefined') return;
    ms.metadata = current
      ? new MediaMetadata({
          title: current.song.title,
          artist: current.song.artist,
          album: current.song.album ?? '',
          artwork: [{ src: new URL(artUrl(current.song.id), window.location.href).href }],
        })
      : null;
    ms.playbackState = current ? (playing ? 'playing' : 'paused') : 'none';
    const handler = onToggle ? () => onToggle() : null;
    try {
      ms.setActionHandler('play', handler);
      ms.setActionHandler('pause', handler);
    } catch {
      /* an action this browser does not know */
    }
  }, [current, playing, onToggle]);
}

/** Keeps the screen on while `active` (the host's device while music plays), re-taken after tab switches. */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    const wl = typeof navigator !== 'undefined' ? navigator.wakeLock : undefined;
    if (!active || !wl) return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const take = () => {
      if (document.visibilityState !== 'visible') return;
      wl.request('screen').then(
        (s) => {
          if (cancelled) void s.release();
          else sentinel = s;
        },
        () => undefined, // refused (battery saver, insecure page): the screen may sleep
      );
    };
    take();
    document.addEventListener('visibilitychange', take);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', take);
      void sentinel?.release();
    };
  }, [active]);
}
