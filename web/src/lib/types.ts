// The shapes of PROTOCOL.md §6, as the client sees them.

export interface Song {
  id: string;
  title: string;
  artist: string;
  album?: string;
  genre?: string;
  year?: number;
  durationMs: number;
  audioUrl: string;
}

export interface QueueItem {
  id: string;
  song: Song;
  addedBy: string;
  addedById: string;
  addedAt: number;
  score: number;
  up: number;
  down: number;
}

export interface Participant {
  id: string;
  name: string;
  joinedAt: number;
  connected: boolean;
  isHost: boolean;
}

export interface Playback {
  isPlaying: boolean;
  positionMs: number;
  updatedAt: number;
}

export interface SkipVotes {
  count: number;
  needed: number;
}

export interface Settings {
  allowVoting: boolean;
  maxQueueSize: number;
  autoPlay: boolean;
  skipThreshold: number;
  maxParticipants: number;
  guestsControlPlayback: boolean;
  listed: boolean;
  /** §9: add the recommender's pick when the queue is about to run dry (default true). */
  autofill: boolean;
  /** §11: false, only the host adds songs. */
  guestsCanAdd: boolean;
  /** §11: at most this many queued items per adder; 0 is no limit. */
  maxSongsPerPerson: number;
  /** §11: longer songs are refused; 0 is no limit. */
  maxSongDurationMs: number;
  /** §11: genres (whole, any case) that cannot be added. */
  blockedGenres: string[];
  /** §11: equal scores take turns by adder (round), then age. */
  fairQueue: boolean;
  /** §12: participants may send reactions. */
  reactions: boolean;
  /** §9: the skip votes needed never exceed this (0: no cap), so a big room can still skip. */
  skipMaxVotes: number;
  /** §13: the mood (an id of GET /api/moods) autofill and recommendations prefer; null for none. */
  mood: string | null;
}

export interface HistoryEntry {
  song: Song;
  addedBy: string;
  playedAt: number;
}

export type VoteValue = 1 | -1;

export interface You {
  participantId: string;
  name: string;
  isHost: boolean;
  resumeToken: string;
  votes: Record<string, VoteValue>;
  /** Whether this participant's vote to skip the current song stands (§9; absent from older servers). */
  skipVote?: boolean;
}

export interface Snapshot {
  code: string;
  rev: number;
  hostId: string | null;
  participants: Participant[];
  queue: QueueItem[];
  current: QueueItem | null;
  playback: Playback;
  settings: Settings;
  history: HistoryEntry[];
  skipVotes: SkipVotes;
  serverTime: number;
  /** Absent from a screen's snapshot (jam.watch, §12). */
  you?: You;
}

/** The snapshot fields an event may carry (PROTOCOL §5). */
export const SNAPSHOT_FIELDS = [
  'hostId',
  'participants',
  'queue',
  'current',
  'playback',
  'settings',
  'history',
  'skipVotes',
] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

export type EventType =
  | 'participant-joined'
  | 'participant-left'
  | 'participant-updated'
  | 'host-changed'
  | 'queue-updated'
  | 'now-playing'
  | 'playback-updated'
  | 'skip-votes-updated'
  | 'settings-updated'
  | 'session-ended'
  | 'reaction'
  | 'subscribed';

export interface JamEvent {
  type: EventType | string;
  rev: number;
  /** Revs of coalesced events this one replaced (§9): seen, so not a gap. */
  merges?: number[];
  data: Partial<Pick<Snapshot, SnapshotField>> & {
    participant?: Participant;
    reason?: string;
    /** A `reaction` event's (§12). */
    emoji?: string;
    at?: number;
  };
}

export const ERROR_CODES = [
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'NOT_JOINED',
  'NOT_HOST',
  'NOT_OWNER',
  'QUEUE_FULL',
  'DUPLICATE_SONG',
  'UNKNOWN_SONG',
  'ITEM_NOT_FOUND',
  'VOTING_DISABLED',
  'SESSION_FULL',
  'INVALID_TOKEN',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
  'PERSON_LIMIT',
  'NOT_ALLOWED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A §3 refusal, or a client-side failure (TIMEOUT, DISCONNECTED) mapped to words alike. */
export class JamError extends Error {
  constructor(
    readonly code: ErrorCode | 'TIMEOUT' | 'DISCONNECTED' | 'BRIDGE',
    message: string,
  ) {
    super(message);
    this.name = 'JamError';
  }
}

export interface Recommendation {
  song: Song;
  score: number;
  reasons: string[];
}
