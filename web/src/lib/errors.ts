// Every §3 error code (and the client's own failures) in words a person understands.

const MESSAGES: Record<string, string> = {
  INVALID_INPUT: "That request wasn't valid. Check what you entered and try again.",
  PAYLOAD_TOO_LARGE: 'That was too much to send at once.',
  NOT_FOUND: "That jam doesn't exist any more — check the code or start a new one.",
  NOT_JOINED: "You're not in this jam any more. Rejoin to keep going.",
  NOT_HOST: 'Only the host can do that.',
  NOT_OWNER: 'Only the person who added that song (or the host) can remove it.',
  QUEUE_FULL: 'The queue is full. Wait for a song to finish, or vote others down.',
  DUPLICATE_SONG: "That song is already playing or in the queue.",
  UNKNOWN_SONG: "That song isn't in the catalog.",
  ITEM_NOT_FOUND: 'That song has already left the queue.',
  VOTING_DISABLED: 'The host has turned voting off.',
  SESSION_FULL: 'This jam is full.',
  INVALID_TOKEN: 'Your place in that jam has expired. Join again with the code.',
  RATE_LIMITED: "You're going a bit fast — wait a moment and try again.",
  UNAVAILABLE: 'That service is unavailable right now. Try again in a little while.',
  INTERNAL: 'Something went wrong on the server. Try again.',
  PERSON_LIMIT: 'You have as many songs waiting as this jam allows. Add more once one has played.',
  NOT_ALLOWED: "This jam's rules don't allow that.",
  TIMEOUT: "The server didn't answer in time. Try again.",
  DISCONNECTED: "You're offline — reconnecting…",
  BRIDGE: 'The server refused that message.',
};

/** Refusals of the party rules (§11, §12), whose sentence from the server names the limit or genre. */
const SERVER_WORDS = new Set(['PERSON_LIMIT', 'NOT_ALLOWED']);

export function errorMessage(code: string, fallback?: string): string {
  if (fallback && fallback !== code && SERVER_WORDS.has(code)) return fallback;
  return MESSAGES[code] ?? fallback ?? 'Something went wrong. Try again.';
}

/** The sentence shown when a reconnect lands on the welcome screen. */
export function welcomeReason(reason: string): string {
  switch (reason) {
    case 'INVALID_TOKEN':
      return 'Your place in the jam ran out while you were away. Join again with the code.';
    case 'NOT_FOUND':
    case 'host-ended':
      return 'That jam has ended.';
    case 'idle':
      return 'The jam ended after being idle.';
    case 'empty':
      return 'The jam ended because everyone left.';
    case 'kicked':
      return 'The host removed you from the jam.';
    case 'timeout':
      return 'You were away too long and left the jam.';
    case 'left':
      return 'You left the jam.';
    case 'removed':
      return 'You are no longer in this jam.';
    default:
      return errorMessage(reason);
  }
}
