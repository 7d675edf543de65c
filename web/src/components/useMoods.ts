import { useEffect, useState } from 'react';
import { listMoods, type Mood } from '../net/api';

// The server's moods never change while it runs: asked once per page, shared by every component.
let asked: Promise<Mood[]> | null = null;

/** The moods of GET /api/moods, null until they arrive (or when they cannot be had). */
export function useMoods(): Mood[] | null {
  const [moods, setMoods] = useState<Mood[] | null>(null);
  useEffect(() => {
    let live = true;
    asked ??= listMoods().then(
      (r) => r.moods,
      (e: unknown) => {
        asked = null; // a later component may ask again
        throw e;
      },
    );
    asked.then(
      (m) => live && setMoods(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return moods;
}
