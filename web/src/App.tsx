import { useCallback, useEffect, useState } from 'react';
import { Header } from './components/Header';
import { NormalView } from './components/NormalView';
import { MoodPicker } from './components/playlists/MoodPicker';
import { Toasts } from './components/Toasts';
import { JamSession } from './components/jam/JamSession';
import { useJamView, useServices } from './context';
import { OFFLINE_TEXT } from './lib/connection';
import { playlistFromSearch } from './lib/playlists';
import type { SoloQueue } from './lib/soloQueue';
import { codeFromSearch } from './lib/validation';
import { applyTheme, initialTheme, type Theme } from './theme';

export type View = 'normal' | 'jam';

export function App() {
  const { client } = useServices();
  const jamView = useJamView();
  const [linkCode, setLinkCode] = useState(() => codeFromSearch(window.location.search));
  const [view, setView] = useState<View>(() => (linkCode ? 'jam' : 'normal'));
  const [query, setQuery] = useState('');
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [linkPlaylist] = useState(() => playlistFromSearch(window.location.search));
  const [solo, setSolo] = useState<SoloQueue | null>(null);
  const [moodOpen, setMoodOpen] = useState(false);
  const closeMood = useCallback(() => setMoodOpen(false), []);

  useEffect(() => applyTheme(theme), [theme]);

  // A reload inside a jam resumes it with the token kept in sessionStorage.
  useEffect(() => {
    if (client.resumeStored()) setView('jam');
  }, [client]);

  // Joining (or falling back to the welcome screen) always shows the jam view.
  const inJam = jamView.jam !== null;
  useEffect(() => {
    if (inJam || jamView.welcome) setView('jam');
  }, [inJam, jamView.welcome]);

  // Once joined, the link has done its job: leaving later shows the welcome screen, not its landing.
  useEffect(() => {
    if (!inJam || !linkCode) return;
    setLinkCode('');
    window.history.replaceState(null, '', window.location.pathname);
  }, [inJam, linkCode]);

  return (
    <div className="app">
      {/* The banner sticks under the top bar, so it stays in view while scrolling. */}
      <div className="top-sticky">
        <Header
          query={query}
          onQuery={setQuery}
          view={view}
          onView={setView}
          theme={theme}
          onTheme={setTheme}
          reconnecting={jamView.conn.phase === 'reconnecting'}
          jamCode={jamView.jam?.code ?? null}
          onMood={() => setMoodOpen(true)}
        />
        {jamView.offline && (
          <div className="offline-banner" role="status" data-testid="offline-banner">
            {OFFLINE_TEXT} <span className="small">Your place in the jam is kept.</span>
          </div>
        )}
      </div>
      <main className="main" id="main">
        {/* The jam stays mounted while browsing so its audio keeps playing. */}
        <div hidden={view !== 'jam'}>
          <JamSession linkCode={linkCode} query={query} onQuery={setQuery} />
        </div>
        {view === 'normal' && (
          <NormalView query={query} onOpenJam={() => setView('jam')} solo={solo} onSolo={setSolo} linkPlaylist={linkPlaylist} />
        )}
      </main>
      <footer className="footer">
        <a href="/status" data-testid="status-link">
          Server status
        </a>
      </footer>
      {moodOpen && (
        <MoodPicker
          onClose={closeMood}
          onPlay={(q) => {
            setSolo(q);
            setView('normal');
            setMoodOpen(false);
          }}
        />
      )}
      <Toasts />
    </div>
  );
}
