import { useEffect, useRef, useState } from 'react';
import { useServices } from '../context';
import type { JamState } from '../lib/jamState';
import { SyncedPlayer, type SyncStatus } from './syncedPlayer';

export interface PlayerHandle {
  audioRef: React.RefObject<HTMLAudioElement | null>;
  status: SyncStatus;
  /** From a tap: the gesture lets the browser start audio. */
  unlock(): void;
}

/**
 * The jam's one audio element, steered to the shared position. It lives with the session
 * screen (not with a card that a phone tab hides) so the music never stops on a tab switch.
 */
export function usePlayer(jam: JamState): PlayerHandle {
  const { client } = useServices();
  const audioRef = useRef<HTMLAudioElement>(null);
  const playerRef = useRef<SyncedPlayer | null>(null);
  const [status, setStatus] = useState<SyncStatus>({ blocked: false, buffering: false, waitingClock: false, driftMs: 0, rate: 1 });

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    const p = new SyncedPlayer(audio, () => client.serverNow(), setStatus, () => client.clockReady());
    playerRef.current = p;
    p.start();
    return () => {
      p.stop();
      playerRef.current = null;
    };
  }, [client]);

  useEffect(() => {
    playerRef.current?.update(jam.current, jam.playback);
  }, [jam.current, jam.playback]);

  return { audioRef, status, unlock: () => playerRef.current?.unlock() };
}
