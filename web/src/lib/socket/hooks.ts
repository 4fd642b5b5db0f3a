import { useContext, useEffect, useRef } from 'react';
import type { ConnectionState, RealtimeEventName, RealtimeEventPayloads, ServerEventEnvelope } from '@aiparksit/shared';
import { EMPTY_OPERATOR_FEED, type OperatorFeed } from './operator-feed';
import type { ResyncReason } from './realtime-connection';
import { ConnectionStateContext, OperatorFeedContext, PlatformFeedContext, SocketContext, type PlatformFeed } from './socket-provider';

/** 'connecting' | 'live' | 'reconnecting' | 'offline', re-rendering when it changes. */
export function useConnectionState(): ConnectionState {
  return useContext(ConnectionStateContext);
}

/** A callback that always sees the latest props without resubscribing on every render. */
function useLatest<T>(value: T): { current: T } {
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  return latest;
}

/** Calls `handler` for each pushed event of that name (e.g. to update a query's cache). */
export function useRealtimeEvent<E extends RealtimeEventName>(event: E, handler: (envelope: ServerEventEnvelope<RealtimeEventPayloads[E]>) => void): void {
  const connection = useContext(SocketContext);
  const latest = useLatest(handler);
  useEffect(() => {
    if (!connection) return;
    return connection.onEvent((envelope) => {
      if (envelope.event === event) latest.current(envelope as ServerEventEnvelope<RealtimeEventPayloads[E]>);
    });
  }, [connection, event, latest]);
}

/**
 * Calls `handler` when cached data may have missed events: the server asked for a resync, or
 * the socket came back after a drop. Refetch what the component shows.
 */
export function useRealtimeResync(handler: (reason: ResyncReason) => void): void {
  const connection = useContext(SocketContext);
  const latest = useLatest(handler);
  useEffect(() => {
    if (!connection) return;
    return connection.onResync((reason) => latest.current(reason));
  }, [connection, latest]);
}

/**
 * Follows live events of these facilities while the component is mounted (kept across
 * reconnects). The ids are compared by value, so a new array with the same ids is no change.
 */
export function useFacilitySubscription(facilityIds: readonly string[]): void {
  const connection = useContext(SocketContext);
  const key = [...new Set(facilityIds)].sort().join(',');
  useEffect(() => {
    if (!connection || !key) return;
    return connection.subscribe(key.split(','));
  }, [connection, key]);
}

/** The live operator feed and its connection state; empty and offline outside an OperatorFeedProvider. */
export function useOperatorFeed(): OperatorFeed & { state: ConnectionState } {
  return useContext(OperatorFeedContext) ?? { ...EMPTY_OPERATOR_FEED, state: 'offline' };
}

/** The platform feed's state and last revenue change; offline outside a PlatformFeedProvider. */
export function usePlatformFeed(): PlatformFeed {
  return useContext(PlatformFeedContext) ?? { state: 'offline', lastRevenueUpdateAt: null };
}
