import { useEffect, useState } from 'react';
import { useServices } from '../../context';

/** The server's clock now (the client's measured offset), re-read every `periodMs` for progress bars. */
export function useServerNow(periodMs = 250): number {
  const { client } = useServices();
  const [now, setNow] = useState(() => client.serverNow());
  useEffect(() => {
    const t = setInterval(() => setNow(client.serverNow()), periodMs);
    return () => clearInterval(t);
  }, [client, periodMs]);
  return now;
}
