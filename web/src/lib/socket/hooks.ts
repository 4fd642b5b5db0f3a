import { useContext, useEffect, useRef } from 'react';
import type { ConnectionState, RealtimeEventName, ServerEventEnvelope } from '@aiparksit/shared';
import { ConnectionStateContext, SocketContext } from './socket-provider';

/** 'connecting' | 'live' | 'reconnecting' | 'offline', re-rendering when it changes. */
export function useConnectionState(): ConnectionState {
  return useContext(ConnectionStateContext);
}

/** Calls `handler` for each pushed event of that name (e.g. to invalidate a query). */
export function useRealtimeEvent<TData = unknown>(event: RealtimeEventName, handler: (envelope: ServerEventEnvelope<TData>) => void): void {
  const connection = useContext(SocketContext);
  const latest = useRef(handler);
  // The newest handler without resubscribing on every render.
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!connection) return;
    return connection.onEvent((envelope) => {
      if (envelope.event === event) latest.current(envelope as ServerEventEnvelope<TData>);
    });
  }, [connection, event]);
}

/**
 * Subscribes to live events of these facilities while the component is mounted (re-sent after
 * every reconnect). The ids are compared by value, so a new array with the same ids is no change.
 */
export function useFacilitySubscription(facilityIds: readonly string[]): void {
  const connection = useContext(SocketContext);
  const key = [...facilityIds].sort().join(',');
  useEffect(() => {
    if (!connection || !key) return;
    return connection.subscribe({ type: 'subscribe', facilityIds: key.split(',') });
  }, [connection, key]);
}
