import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ToastStore } from './lib/toasts';
import type { ClientView, JamClient } from './net/jamClient';

export interface AppServices {
  client: JamClient;
  toasts: ToastStore;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(AppContext);
  if (!s) throw new Error('AppContext missing');
  return s;
}

export function useJamView(): ClientView {
  const { client } = useServices();
  return useSyncExternalStore(client.subscribe, client.getView);
}
