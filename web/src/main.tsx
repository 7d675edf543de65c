import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppContext } from './context';
import { ToastStore } from './lib/toasts';
import { createJam } from './net/api';
import { Bus } from './net/bus';
import { StatusPage } from './components/status/StatusPage';
import { JamClient } from './net/jamClient';
import './styles.css';

/** The single page routes by path: /status is the operators' page, anything else the app. */
const isStatusPage = /^\/status\/?$/.test(window.location.pathname);

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function renderApp() {
  const toasts = new ToastStore();
  const client = new JamClient({
    connect: (cb) => new Bus('/eventbus', cb),
    storage: safeSessionStorage(),
    createJam,
    onNotice: (n) => toasts.push({ kind: n.kind, text: n.text, code: n.code }),
  });

  // The browser's own word on the network shows "offline" at once (the probe covers the rest).
  window.addEventListener('online', () => client.setBrowserOnline(true));
  window.addEventListener('offline', () => client.setBrowserOnline(false));

  // For the end-to-end tests and debugging: read-only access to the client's view and clock.
  (window as unknown as { __jam?: unknown }).__jam = {
    view: () => client.getView(),
    serverNow: () => client.serverNow(),
    clockUncertainty: () => client.clock.uncertainty(),
  };

  return (
    <AppContext.Provider value={{ client, toasts }}>
      <App />
    </AppContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode>{isStatusPage ? <StatusPage /> : renderApp()}</StrictMode>);
