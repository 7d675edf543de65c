import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppContext } from './context';
import { ToastStore } from './lib/toasts';
import { createJam } from './net/api';
import { Bus } from './net/bus';
import { JamClient } from './net/jamClient';
import './styles.css';

const toasts = new ToastStore();
const client = new JamClient({
  connect: (cb) => new Bus('/eventbus', cb),
  storage: safeSessionStorage(),
  createJam,
  onNotice: (n) => toasts.push({ kind: n.kind, text: n.text, code: n.code }),
});

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

// For the end-to-end tests and debugging: read-only access to the client's view and clock.
(window as unknown as { __jam?: unknown }).__jam = {
  view: () => client.getView(),
  serverNow: () => client.serverNow(),
  clockUncertainty: () => client.clock.uncertainty(),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContext.Provider value={{ client, toasts }}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
