import { useServices } from '../../context';
import { isHost, type JamState } from '../../lib/jamState';

export function Participants({ jam }: { jam: JamState }) {
  const { client } = useServices();
  const host = isHost(jam);
  const me = jam.you.participantId;
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title" className="section-title">
        People <span className="muted">({jam.participants.length})</span>
      </h2>
      <ul className="participants" data-testid="participants">
        {jam.participants.map((p) => {
          const isTheHost = p.id === jam.hostId;
          return (
            <li
              key={p.id}
              className="participant"
              data-testid="participant"
              data-participant-id={p.id}
              data-connected={p.connected ? 'true' : 'false'}
            >
              <span
                className={`dot ${p.connected ? 'dot-on' : 'dot-off'}`}
                role="img"
                aria-label={p.connected ? 'connected' : 'disconnected'}
                title={p.connected ? 'connected' : 'disconnected'}
              />
              <span className="participant-name">{p.name}</span>
              {p.id === me && <span className="muted small"> (you)</span>}
              {isTheHost && (
                <span className="badge" data-testid="host-badge">
                  Host
                </span>
              )}
              {host && p.id !== me && (
                <span className="participant-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => void client.transferHost(p.id).catch(() => undefined)}
                    aria-label={`Make ${p.name} the host`}
                    data-testid="make-host"
                  >
                    Make host
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    onClick={() => void client.kick(p.id).catch(() => undefined)}
                    aria-label={`Remove ${p.name} from the jam`}
                    data-testid="kick"
                  >
                    Remove
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
