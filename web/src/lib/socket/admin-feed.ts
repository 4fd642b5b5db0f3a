import { useEffect, useRef } from 'react';
import { WS_ADMIN_PATH, type ConnectionState, type ServiceStatusChangedEvent, type SystemErrorEvent } from '@aiparksit/shared';
import { useRealtimeConnection } from './socket-provider';

/** An event of the admins' feed (`/ws/admin`), in the usual envelope. */
export type AdminFeedEvent =
  { event: 'system_error'; data: SystemErrorEvent; at: string } | { event: 'service_status_changed'; data: ServiceStatusChangedEvent; at: string };

/**
 * The admin event a server message carries, or null. The envelope is the other paths' one, but
 * these event names are not in the public feed's union, so the message is checked here.
 */
export function adminFeedEvent(message: unknown): AdminFeedEvent | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, event, data, at } = message as { type?: unknown; event?: unknown; data?: unknown; at?: unknown };
  if (type !== 'event' || typeof data !== 'object' || data === null || typeof at !== 'string') return null;
  if (event === 'system_error' && typeof (data as SystemErrorEvent).fingerprint === 'string') return { event, data: data as SystemErrorEvent, at };
  if (event === 'service_status_changed' && typeof (data as ServiceStatusChangedEvent).service === 'string') {
    return { event, data: data as ServiceStatusChangedEvent, at };
  }
  return null;
}

export interface AdminFeedHandlers {
  onEvent: (event: AdminFeedEvent) => void;
  /** The socket came back after a drop (or the server asked): events may have been missed. */
  onResync: () => void;
}

/**
 * The admins' live feed for as long as the calling component is mounted: one socket to
 * WS_ADMIN_PATH, signed in like the other feeds and reconnecting like them. Another role's token
 * is refused (4403) and the connection then stays offline.
 */
export function useAdminFeed(handlers: AdminFeedHandlers): ConnectionState {
  const { connection, state } = useRealtimeConnection(WS_ADMIN_PATH);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const unlisten = connection.onMessage((message) => {
      const event = adminFeedEvent(message);
      if (event) latest.current.onEvent(event);
    });
    const unresync = connection.onResync(() => latest.current.onResync());
    return () => {
      unlisten();
      unresync();
    };
  }, [connection]);
  return state;
}
