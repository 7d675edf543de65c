import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppContext } from './context';
import { ToastStore } from './lib/toasts';
import { createJam } from './net/api';
import { Bus } from './net/bus';
import { StatusPage } from './components/status/StatusPage';
import { Toasts } from './components/Toasts';
import { TvPage } from './components/tv/TvPage';
import { JamClient, type JamClientOptions } from './net/jamClient';
import './styles.css';

/** The single page routes by path: /status is the operators' page, /tv a jam's big screen, anything else the app. */
const path = window.location.pathname;
const isStatusPage = /^\/status\/?$/.test(path);
const isTvPage = /^\/tv\/?$/.test(path);

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** A jam client with its toasts, for the app (a participant) or the big screen (a screen, §12). */
function withClient(opts: Omit<JamClientOptions, 'connect' | 'onNotice'>, page: ReactNode) {
  const toasts = new ToastStore();
  const client = new JamClient({
    connect: (cb) => new Bus('/eventbus', cb),
    onNotice: (n) => toasts.push({ kind: n.kind, text: n.text, code: n.code }),
    ...opts,
  });

  // The browser's own word on the network shows "offline" at once (the probe covers the rest).
  window.addEventListener('online', () => client.setBrowserOnline(true));
  window.addEventListener('offline', () => client.setBrowserOnline(false));

  // For the end-to-end tests and debugging: read-only access to the client's view and clock.
  (window as unknown as { __jam?: unknown }).__jam = {
    view: () => client.getView(),
    serverNow: () => client.serverNow(),
    clockUncertainty: () => client.clock.uncertainty(),
    clockOffset: () => client.clock.offset(),
  };

  return <AppContext.Provider value={{ client, toasts }}>{page}</AppContext.Provider>;
}

function page() {
  if (isStatusPage) return <StatusPage />;
  if (isTvPage) {
    return withClient(
      { screen: true, storage: null },
      <>
        <TvPage />
        <Toasts />
      </>,
    );
  }
  return withClient({ storage: safeSessionStorage(), createJam }, <App />);
}

createRoot(document.getElementById('root')!).render(<StrictMode>{page()}</StrictMode>);
