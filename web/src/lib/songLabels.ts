// Small pure helpers for how songs and queue items are labelled in a jam.
import type { JamState } from './jamState';
import type { QueueItem } from './types';

/** The `addedById` of items the server's autofill added (PROTOCOL §9); never a participant id. */
export const RECOMMENDER_ID = 'recommender';

/** Whether autofill added this item (shown as "Recommended" rather than "Added by Recommender"). */
export function isRecommended(item: Pick<QueueItem, 'addedById'>): boolean {
  return item.addedById === RECOMMENDER_ID;
}

/** Where a catalog song stands in the jam: playing now, waiting in the queue, or neither. */
export type SongStatus = 'playing' | 'queued' | null;

export function songStatus(jam: Pick<JamState, 'current' | 'queue'>, songId: string): SongStatus {
  if (jam.current?.song.id === songId) return 'playing';
  return jam.queue.some((i) => i.song.id === songId) ? 'queued' : null;
}

/** The add button's text for a song in a given status. */
export function addButtonLabel(status: SongStatus): string {
  return status === 'playing' ? 'Playing' : status === 'queued' ? 'Queued' : 'Add';
}

/** The add button's accessible name for a song in a given status. */
export function addButtonAriaLabel(status: SongStatus, title: string): string {
  return status === 'playing'
    ? `${title} is playing now`
    : status === 'queued'
      ? `${title} is already queued`
      : `Add ${title} to the queue`;
}
