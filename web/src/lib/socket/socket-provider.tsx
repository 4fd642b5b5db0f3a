import { createContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { WS_INVESTOR_PATH, WS_OPERATOR_PATH, WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, type ConnectionState } from '@aiparksit/shared';
import { getAccessToken, refreshSession, subscribeToSession } from '../session';
import { EMPTY_OPERATOR_FEED, reduceOperatorFeed, type OperatorFeed } from './operator-feed';
import { RealtimeConnection } from './realtime-connection';

export const SocketContext = createContext<RealtimeConnection | null>(null);
export const ConnectionStateContext = createContext<ConnectionState>('offline');
export const OperatorFeedContext = createContext<(OperatorFeed & { state: ConnectionState }) | null>(null);

/** What the platform feed (`/ws/investor`) has said: its state and when the takings last changed. */
export interface PlatformFeed {
  state: ConnectionState;
  /** Server time of the latest `revenue_updated`; null before the first since the page opened. */
  lastRevenueUpdateAt: string | null;
}
export const PlatformFeedContext = createContext<PlatformFeed | null>(null);

/** The WebSocket URL on the page's own origin: nginx, the embedded API and Vite all proxy /ws. */
export function sameOriginSocketUrl(path: string, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}

/** The access token rides as a subprotocol, so it never appears in URLs or access logs. */
export function credentialProtocols(accessToken: string | null): string[] {
  return accessToken ? [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${accessToken}`] : [WS_PROTOCOL];
}

/**
 * One connection to `path` for as long as the calling component is mounted, signed in as the
 * session's current access token. A renewed token is taken up at once (the server checks it at
 * the handshake only); a refused one (4401) renews the session.
 */
export function useRealtimeConnection(path: string): { connection: RealtimeConnection; state: ConnectionState } {
  const [connection] = useState(
    () =>
      new RealtimeConnection({
        url: sameOriginSocketUrl(path),
        createSocket: (url, protocols) => new WebSocket(url, protocols),
        protocols: () => credentialProtocols(getAccessToken()),
        onUnauthenticated: () => void refreshSession(),
      }),
  );
  const [state, setState] = useState<ConnectionState>(connection.connectionState);

  useEffect(() => {
    const unsubscribe = connection.onStateChange(setState);
    let token = getAccessToken();
    const unwatch = subscribeToSession(() => {
      const renewed = getAccessToken();
      if (renewed === null || renewed === token) return;
      token = renewed;
      connection.renewCredentials();
    });
    connection.start();
    return () => {
      unwatch();
      unsubscribe();
      connection.stop();
    };
  }, [connection]);

  return { connection, state };
}

/**
 * Keeps one live connection to `/ws` for everything below it. While the gateway is missing or
 * down the app works as usual and the connection keeps retrying in the background.
 */
export function SocketProvider({ children, path = WS_PATH }: { children: ReactNode; path?: string }) {
  const { connection, state } = useRealtimeConnection(path);
  return (
    <SocketContext.Provider value={connection}>
      <ConnectionStateContext.Provider value={state}>{children}</ConnectionStateContext.Provider>
    </SocketContext.Provider>
  );
}

/**
 * The operator's own feed (`/ws/operator`): bookings made and takings changed in their car
 * parks, read below it with `useOperatorFeed()`. Mount it on operator pages only: another
 * role's token is refused (4403) and the connection then stays offline.
 *
 * `staleOnChange` names the queries built from many bookings (lists, summaries, figures): no
 * event carries them whole, so each booking or revenue event, and each resync, invalidates them
 * here, for the whole operator section. A page showing one refetches at once; one showing none
 * refetches when it next opens, instead of serving a cached copy from before the event.
 */
export function OperatorFeedProvider({ children, staleOnChange = [] }: { children: ReactNode; staleOnChange?: readonly QueryKey[] }) {
  const { connection, state } = useRealtimeConnection(WS_OPERATOR_PATH);
  const [feed, setFeed] = useState<OperatorFeed>(EMPTY_OPERATOR_FEED);
  const queryClient = useQueryClient();
  const keys = JSON.stringify(staleOnChange);
  useEffect(() => {
    const invalidate = () => {
      for (const queryKey of JSON.parse(keys) as QueryKey[]) void queryClient.invalidateQueries({ queryKey });
    };
    const unlisten = connection.onMessage((message) => {
      setFeed((current) => reduceOperatorFeed(current, message));
      if (message.type === 'event' && message.event !== 'availability_changed') invalidate();
    });
    const unresync = connection.onResync(invalidate);
    return () => {
      unlisten();
      unresync();
    };
  }, [connection, keys, queryClient]);
  return <OperatorFeedContext.Provider value={{ ...feed, state }}>{children}</OperatorFeedContext.Provider>;
}

/**
 * The platform feed of investors and admins (`/ws/investor`): a `revenue_updated` naming no
 * facility says the platform's takings changed. Each one, and each resync, invalidates the
 * `staleOnChange` queries (the overview's figures), which refetch at once if shown. Another
 * role's token is refused (4403) and the connection then stays offline.
 */
export function PlatformFeedProvider({ children, staleOnChange = [] }: { children: ReactNode; staleOnChange?: readonly QueryKey[] }) {
  const { connection, state } = useRealtimeConnection(WS_INVESTOR_PATH);
  const [lastRevenueUpdateAt, setLastRevenueUpdateAt] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const keys = JSON.stringify(staleOnChange);
  useEffect(() => {
    const invalidate = () => {
      for (const queryKey of JSON.parse(keys) as QueryKey[]) void queryClient.invalidateQueries({ queryKey });
    };
    const unlisten = connection.onEvent((event) => {
      if (event.event !== 'revenue_updated') return;
      setLastRevenueUpdateAt(event.at);
      invalidate();
    });
    const unresync = connection.onResync(invalidate);
    return () => {
      unlisten();
      unresync();
    };
  }, [connection, keys, queryClient]);
  return <PlatformFeedContext.Provider value={{ state, lastRevenueUpdateAt }}>{children}</PlatformFeedContext.Provider>;
}
