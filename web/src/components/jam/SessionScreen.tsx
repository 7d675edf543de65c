import { useState } from 'react';
import { useServices } from '../../context';
import { isHost, type JamState } from '../../lib/jamState';
import { joinLink } from '../../lib/validation';
import { QrCode } from '../QrCode';
import { SaveJamPlaylist } from '../playlists/SaveJamPlaylist';
import { QueuePlaylist } from '../playlists/QueuePlaylist';
import { NowPlaying } from './NowPlaying';
import { Participants } from './Participants';
import { QueueList } from './QueueList';
import { SettingsPanel } from './SettingsPanel';
import { SongPanel } from './SongPanel';

interface Props {
  jam: JamState;
  query: string;
  onQuery(q: string): void;
}

export function SessionScreen({ jam, query, onQuery }: Props) {
  const host = isHost(jam);
  return (
    <div className="session" data-testid="jam-screen" data-you={jam.you.participantId} data-host={host ? 'true' : 'false'}>
      <SessionHeader jam={jam} />
      <div className="session-grid">
        <aside className="col col-left" aria-label="People">
          <Participants jam={jam} />
          {host && <SettingsPanel jam={jam} />}
        </aside>
        <section className="col col-center" aria-label="Now playing and queue">
          <NowPlaying jam={jam} />
          <QueueList jam={jam} />
        </section>
        <aside className="col col-right" aria-label="Songs">
          <SongPanel jam={jam} query={query} onQuery={onQuery} />
        </aside>
      </div>
    </div>
  );
}

function SessionHeader({ jam }: { jam: JamState }) {
  const { client, toasts } = useServices();
  const [showQr, setShowQr] = useState(false);
  const link = joinLink(window.location.origin, jam.code);
  const connected = jam.participants.filter((p) => p.connected).length;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      toasts.push({ kind: 'info', text: 'Join link copied' });
    } catch {
      toasts.push({ kind: 'info', text: `Share this code: ${jam.code}` });
    }
  }

  return (
    <div className="card session-header">
      <div className="session-code-block">
        <span className="muted">Jam code</span>
        <strong className="session-code" data-testid="session-code" aria-label={`Jam code ${jam.code.split('').join(' ')}`}>
          {jam.code}
        </strong>
        <button type="button" className="btn btn-small" onClick={copy} data-testid="copy-code" aria-label="Copy the join link">
          Copy link
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={showQr}
          aria-controls="join-qr"
          onClick={() => setShowQr((v) => !v)}
          data-testid="qr-toggle"
        >
          {showQr ? 'Hide QR' : 'QR code'}
        </button>
      </div>
      <div className="session-header-right">
        <span className="participant-count" data-testid="participant-count" aria-label={`${jam.participants.length} participants`}>
          {jam.participants.length} {jam.participants.length === 1 ? 'person' : 'people'}
          {connected !== jam.participants.length && <span className="muted"> ({connected} online)</span>}
        </span>
        <SaveJamPlaylist jam={jam} />
        <QueuePlaylist jam={jam} />
        <button type="button" className="btn" onClick={() => client.leave()} data-testid="leave">
          Leave
        </button>
      </div>
      {showQr && (
        <div id="join-qr" className="qr-box" data-testid="join-qr">
          <QrCode text={link} label={`QR code for joining jam ${jam.code}`} />
          <p className="muted small">Scan to join: {link}</p>
        </div>
      )}
    </div>
  );
}
