import { useState } from 'react';
import { useMediaSession, useWakeLock } from '../../audio/deviceFeatures';
import { usePlayer } from '../../audio/usePlayer';
import { useServices } from '../../context';
import { canControlPlayback, isHost, type JamState } from '../../lib/jamState';
import { PHONE_FLOATS } from '../../lib/reactions';
import { joinLink } from '../../lib/validation';
import { QrCode } from '../QrCode';
import { useShareOrigin } from '../useShareOrigin';
import { MiniPlayer } from './MiniPlayer';
import { SaveJamPlaylist } from '../playlists/SaveJamPlaylist';
import { QueuePlaylist } from '../playlists/QueuePlaylist';
import { NowPlaying } from './NowPlaying';
import { useTogglePlay } from './playbackControls';
import { Participants } from './Participants';
import { QueueList } from './QueueList';
import { ReactionFloats } from './ReactionFloats';
import { SettingsPanel } from './SettingsPanel';
import { SongPanel } from './SongPanel';

interface Props {
  jam: JamState;
  query: string;
  onQuery(q: string): void;
}

type Tab = 'queue' | 'songs' | 'people';
const TABS: { id: Tab; label: string }[] = [
  { id: 'queue', label: 'Queue' },
  { id: 'songs', label: 'Add songs' },
  { id: 'people', label: 'People' },
];

/**
 * Three columns on a wide screen; on a phone one of them at a time behind tabs, with the
 * mini-player pinned to the bottom (CSS decides which layout shows, at 700 px).
 */
export function SessionScreen({ jam, query, onQuery }: Props) {
  const host = isHost(jam);
  const player = usePlayer(jam);
  const [tab, setTab] = useState<Tab>('queue');
  const toggle = useTogglePlay(jam);
  useMediaSession(jam.current, jam.playback.isPlaying, canControlPlayback(jam) ? toggle : null);
  useWakeLock(host && jam.playback.isPlaying);
  return (
    <div
      className={`session${jam.current ? ' has-mini' : ''}`}
      data-testid="jam-screen"
      data-you={jam.you.participantId}
      data-host={host ? 'true' : 'false'}
    >
      <audio ref={player.audioRef} data-testid="jam-audio" preload="auto" />
      <SessionHeader jam={jam} />
      <div className="tabs" role="tablist" aria-label="Jam sections">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={`tab${tab === t.id ? ' tab-active' : ''}`}
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
            {t.id === 'queue' && jam.queue.length > 0 && <span className="tab-count">{jam.queue.length}</span>}
          </button>
        ))}
      </div>
      <div className="session-grid">
        <aside className="col col-left" id="panel-people" aria-label="People" data-active={tab === 'people'}>
          <Participants jam={jam} />
          {host && <SettingsPanel jam={jam} />}
        </aside>
        <section className="col col-center" id="panel-queue" aria-label="Now playing and queue" data-active={tab === 'queue'}>
          <NowPlaying jam={jam} player={player} />
          <QueueList jam={jam} />
        </section>
        <aside className="col col-right" id="panel-songs" aria-label="Songs" data-active={tab === 'songs'}>
          <SongPanel jam={jam} query={query} onQuery={onQuery} />
        </aside>
      </div>
      <MiniPlayer jam={jam} player={player} />
      <ReactionFloats options={PHONE_FLOATS} />
    </div>
  );
}

function SessionHeader({ jam }: { jam: JamState }) {
  const { client, toasts } = useServices();
  const [showQr, setShowQr] = useState(false);
  const link = joinLink(useShareOrigin(), jam.code);
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
        <button type="button" className="btn btn-small" onClick={copy} data-testid="copy-code" data-link={link} aria-label="Copy the join link">
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
        {isHost(jam) && (
          <a
            className="btn"
            href={`/tv?code=${encodeURIComponent(jam.code)}`}
            target="_blank"
            rel="noopener"
            aria-label="Show on TV: the big screen for this jam, in a new tab"
            data-testid="show-on-tv"
          >
            Show on TV
          </a>
        )}
        <SaveJamPlaylist jam={jam} />
        <QueuePlaylist jam={jam} />
        <button type="button" className="btn" onClick={() => client.leave()} data-testid="leave">
          Leave
        </button>
      </div>
      {showQr && (
        <div id="join-qr" className="qr-box" data-testid="join-qr">
          <QrCode text={link} label={`QR code for joining jam ${jam.code}`} />
          <p className="muted small" data-testid="join-link">Scan to join: {link}</p>
        </div>
      )}
    </div>
  );
}
