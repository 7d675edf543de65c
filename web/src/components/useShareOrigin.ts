import { useEffect, useState } from 'react';
import { shareOrigin } from '../lib/share';
import { getConfig } from '../net/api';

/** The origin of join links: the server's join URL for a page opened on the laptop's own loopback address. */
export function useShareOrigin(): string {
  const [joinUrl, setJoinUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getConfig().then(
      (c) => live && setJoinUrl(c.joinUrl),
      () => undefined, // the page's own origin stays
    );
    return () => {
      live = false;
    };
  }, []);
  return shareOrigin(window.location, joinUrl);
}
