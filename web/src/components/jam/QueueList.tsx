import { useJamView, useServices } from '../../context';
import { OFFLINE_TEXT } from '../../lib/connection';
import { Cover } from '../Cover';
import { canRemove, type JamState } from '../../lib/jamState';
import { turnsHint, upcomingTurns } from '../../lib/partyRules';
import { isRecommended } from '../../lib/songLabels';
import type { QueueItem } from '../../lib/types';

export function QueueList({ jam }: { jam: JamState }) {
  return (
    <section className="card" aria-labelledby="queue-title">
      <h2 id="queue-title" className="section-title">
        Up next <span className="muted">({jam.queue.length}/{jam.settings.maxQueueSize})</span>
      </h2>
      {!jam.settings.allowVoting && <p className="muted small">The host has turned voting off.</p>}
      <FairHint jam={jam} />
      {jam.queue.length === 0 ? (
        <p className="muted" data-testid="queue-empty">The queue is empty. Add songs from the list.</p>
      ) : (
        <ol className="queue" data-testid="queue">
          {jam.queue.map((item) => (
            <QueueRow key={item.id} item={item} jam={jam} />
          ))}
        </ol>
      )}
    </section>
  );
}

function QueueRow({ item, jam }: { item: QueueItem; jam: JamState }) {
  const { client } = useServices();
  const mine = jam.you.votes[item.id] ?? 0;
  const offline = useJamView().offline;
  const voting = jam.settings.allowVoting && !offline;
  const vote = (v: 1 | -1) => void client.vote(item.id, mine === v ? 0 : v).catch(() => undefined);
  return (
    <li
      className="queue-item"
      data-testid="queue-item"
      data-item-id={item.id}
      data-song-id={item.song.id}
      data-added-by={item.addedById}
      data-my-vote={mine}
    >
      <div className="vote-box">
        <button
          type="button"
          className={`vote-btn ${mine === 1 ? 'voted' : ''}`}
          aria-pressed={mine === 1}
          aria-label={`Vote up ${item.song.title}`}
          disabled={!voting}
          title={offline ? OFFLINE_TEXT : undefined}
          onClick={() => vote(1)}
          data-testid="vote-up"
        >
          ▲
        </button>
        <span className="score" data-testid="score" aria-label={`Score ${item.score}`}>
          {item.score}
        </span>
        <button
          type="button"
          className={`vote-btn ${mine === -1 ? 'voted' : ''}`}
          aria-pressed={mine === -1}
          aria-label={`Vote down ${item.song.title}`}
          disabled={!voting}
          title={offline ? OFFLINE_TEXT : undefined}
          onClick={() => vote(-1)}
          data-testid="vote-down"
        >
          ▼
        </button>
      </div>
      <Cover songId={item.song.id} />
      <div className="song-meta">
        <div className="song-title" data-testid="queue-title">{item.song.title}</div>
        <div className="song-artist">{item.song.artist}</div>
        <div className="muted small">
          <AddedBy item={item} youId={jam.you.participantId} />{' '}
          · ▲{item.up} ▼{item.down}
        </div>
      </div>
      {canRemove(jam, item.addedById) && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Remove ${item.song.title} from the queue`}
          disabled={offline}
          onClick={() => void client.remove(item.id).catch(() => undefined)}
          data-testid="remove"
        >
          Remove
        </button>
      )}
    </li>
  );
}

/** Who added an item: the recommender's badge, or the person ("(you)" for the viewer's own). */
export function AddedBy({ item, youId }: { item: QueueItem; youId?: string }) {
  if (isRecommended(item)) {
    return (
      <span className="badge badge-rec" data-testid="recommended-badge" title="Added from recommendations">
        Recommended
      </span>
    );
  }
  return (
    <>
      Added by {item.addedBy}
      {item.addedById === youId ? ' (you)' : ''}
    </>
  );
}

/** With a fair queue (§11), whose turn comes next: the order above is the server's. */
export function FairHint({ jam, className = 'muted small' }: { jam: JamState; className?: string }) {
  if (!jam.settings.fairQueue || jam.queue.length === 0) return null;
  return (
    <p className={`fair-hint ${className}`} data-testid="fair-hint">
      <span className="badge badge-rec">Fair queue</span> {turnsHint(upcomingTurns(jam.queue, jam.you.participantId))}
    </p>
  );
}
