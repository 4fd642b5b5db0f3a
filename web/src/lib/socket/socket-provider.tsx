import { createContext, useEffect, useState, type ReactNode } from 'react';
import { WS_PATH, type ConnectionState } from '@aiparksit/shared';
import { RealtimeConnection } from './realtime-connection';

export const SocketContext = createContext<RealtimeConnection | null>(null);
export const ConnectionStateContext = createContext<ConnectionState>('offline');

/** The WebSocket URL on the page's own origin: nginx, the embedded API and Vite all proxy /ws. */
export function sameOriginSocketUrl(path: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}

/**
 * Keeps one live connection to `/ws` for everything below it. While the gateway is missing or
 * down the app works as usual and the connection keeps retrying in the background.
 */
export function SocketProvider({ children, path = WS_PATH }: { children: ReactNode; path?: string }) {
  const [connection] = useState(
    () => new RealtimeConnection({ url: sameOriginSocketUrl(path), createSocket: (url) => new WebSocket(url) }),
  );
  const [state, setState] = useState<ConnectionState>(connection.connectionState);

  useEffect(() => {
    const unsubscribe = connection.onStateChange(setState);
    connection.start();
    return () => {
      unsubscribe();
      connection.stop();
    };
  }, [connection]);

  return (
    <SocketContext.Provider value={connection}>
      <ConnectionStateContext.Provider value={state}>{children}</ConnectionStateContext.Provider>
    </SocketContext.Provider>
  );
}
