import { useCallback } from 'react';
import { useServices } from '../../context';
import type { JamState } from '../../lib/jamState';
import { expectedPositionMs } from '../../lib/sync';

/** Play/pause at the shared position: one action for the full player, the mini-player and the lock screen. */
export function useTogglePlay(jam: JamState): () => void {
  const { client } = useServices();
  const { current, playback } = jam;
  return useCallback(() => {
    if (!current) return;
    const duration = current.song.durationMs;
    const pos = expectedPositionMs(playback, client.serverNow(), duration);
    void client.playback(!playback.isPlaying, Math.min(pos, duration)).catch(() => undefined);
  }, [client, current, playback]);
}
