/** Events the WebSocket gateway pushes; names are the seed's. */
export const REALTIME_EVENTS = ['availability_changed', 'booking_created', 'revenue_updated'] as const;
export type RealtimeEventName = (typeof REALTIME_EVENTS)[number];

/** Paths of the WebSocket endpoints, as nginx and the SPA reach them. */
export const WS_PATH = '/ws';
export const WS_OPERATOR_PATH = '/ws/operator';

/** The SocketProvider waits this long after a drop before it reconnects. */
export const WS_RECONNECT_DELAY_MS = 3000;
/** Dashboards refetch on this period even when the socket is live. */
export const DASHBOARD_REFETCH_MS = 30_000;

export interface ServerEventEnvelope<TData = unknown> {
  type: 'event';
  event: RealtimeEventName;
  data: TData;
  at: string;
}

export interface BoundingBox {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

export type ClientMessage =
  | { type: 'subscribe'; facilityIds?: string[]; bbox?: BoundingBox }
  | { type: 'unsubscribe'; facilityIds?: string[]; bbox?: BoundingBox }
  | { type: 'ping' };

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';
