import type { BookingStatus } from './bookings.js';
import type { AvailabilityLevel, SpaceType } from './facilities.js';

/** Events the WebSocket gateway pushes; names are the seed's. */
export const REALTIME_EVENTS = ['availability_changed', 'booking_created', 'booking_updated', 'revenue_updated', 'waitlist_offered'] as const;
export type RealtimeEventName = (typeof REALTIME_EVENTS)[number];

/** Paths of the WebSocket endpoints, as nginx and the SPA reach them. */
export const WS_PATH = '/ws';
export const WS_OPERATOR_PATH = '/ws/operator';
/** Investors and admins: the platform feed (see `PlatformRevenueUpdatedEvent`), nothing of any one facility. */
export const WS_INVESTOR_PATH = '/ws/investor';

/**
 * The platform feed sends at most one `revenue_updated` per this interval: payments arrive all
 * the time on a busy marketplace, and each event makes every open investor dashboard refetch.
 * The first change after a quiet spell is sent at once.
 */
export const PLATFORM_REVENUE_INTERVAL_MS = 5_000;

/** The SocketProvider waits this long after a drop before it reconnects. */
export const WS_RECONNECT_DELAY_MS = 3000;
/** Dashboards refetch on this period even when the socket is live. */
export const DASHBOARD_REFETCH_MS = 30_000;

/**
 * Credentials on the handshake (a browser cannot set headers on a WebSocket):
 * - an access token as `?token=<jwt>`, or as a second subprotocol `bearer.<jwt>` next to
 *   WS_PROTOCOL (the server answers with WS_PROTOCOL only, so the token is never echoed);
 * - an API key as `?apiKey=<key>` or the `X-API-Key` header (integrators' servers can set headers).
 * `/ws` accepts none of them (anonymous); `/ws/operator` requires an operator's access token,
 * `/ws/investor` an investor's or an admin's.
 */
export const WS_PROTOCOL = 'aiparksit.v1';
export const WS_TOKEN_PROTOCOL_PREFIX = 'bearer.';

/** Close codes of the gateway, beside the standard ones (1008 policy, 1009 too big). */
export const WS_CLOSE_CODES = {
  /** Credentials missing (where required), malformed, expired or revoked. */
  unauthenticated: 4401,
  /** Valid credentials of an account that may not use this path (e.g. a driver on /ws/operator). */
  forbidden: 4403,
  /** The client kept sending far more messages than allowed. */
  tooManyMessages: 4429,
  /** The client read too slowly: its send buffer passed the limit. */
  slowConsumer: 4008,
} as const;

/** Limits every socket lives with; the server's configuration may raise or lower them. */
export const WS_DEFAULT_LIMITS = {
  /** Largest frame a client may send (control messages are small). */
  maxFrameBytes: 64 * 1024,
  /** Facilities one socket may follow at once, explicit ids and bounding boxes together. */
  maxSubscriptions: 200,
  /** Bounding boxes one socket may follow at once. */
  maxBoundingBoxes: 10,
  /** Client messages per second; the excess is answered with an error and ignored. */
  maxMessagesPerSecond: 20,
} as const;

// ---------------------------------------------------------------------------------------------
// Server → client

export interface ServerEventEnvelope<TData = unknown> {
  type: 'event';
  event: RealtimeEventName;
  data: TData;
  at: string;
}

/** A half-open UTC interval `[start, end)`. */
export interface TimePeriod {
  start: string;
  end: string;
}

/**
 * Free spaces of one type of a facility changed (a booking, a release, a space or the facility's
 * publication). `period` spans the bookings that changed it, or is null when the change is not a
 * booking's (spaces, publication): clients showing a window that meets `period` refetch it.
 * Like the HTTP API, exact numbers are for signed-in sockets and API keys; anonymous sockets get
 * the level only (`availableNow` and `capacity` null), so the catalogue cannot be harvested live.
 */
export interface AvailabilityChangedEvent {
  facilityId: string;
  spaceType: SpaceType;
  period: TimePeriod | null;
  /** Active spaces of the type not occupied right now; 0 while the facility is unpublished. */
  availableNow: number | null;
  capacity: number | null;
  level: AvailabilityLevel;
}

/**
 * A booking was made in one of the operator's facilities (sent on /ws/operator only, to that
 * operator). What the gate staff need and nothing more: the plate, but no driver name or email.
 */
export interface BookingCreatedEvent {
  id: string;
  code: string;
  facilityId: string;
  spaceType: SpaceType;
  start: string;
  end: string;
  status: BookingStatus;
  amountCents: number;
  currency: string;
  vehiclePlate: string;
}

/**
 * What happened to a booking, in the operator's words: a hold `paid` (confirmed), `cancelled`,
 * `expired` (an unpaid hold lapsed), `extended` (a paid later end), `completed`, or `changed`
 * (another plate or space).
 */
export const BOOKING_CHANGES = ['paid', 'cancelled', 'expired', 'extended', 'completed', 'changed'] as const;
export type BookingChange = (typeof BOOKING_CHANGES)[number];

/**
 * A booking of one of the operator's facilities changed (sent on /ws/operator only, to that
 * operator): the booking as it is now, what happened, and its status and end before.
 */
export interface BookingUpdatedEvent extends BookingCreatedEvent {
  change: BookingChange;
  previousStatus: BookingStatus;
  previousEnd: string;
}

/**
 * A facility's takings changed (a payment or refund was booked). Gross minus refunds, in the
 * facility's currency, over its local day and month so far (in its own time zone).
 */
export interface RevenueUpdatedEvent {
  facilityId: string;
  currency: string;
  todayCents: number;
  monthToDateCents: number;
}

/**
 * The platform's takings changed (payments or refunds were booked somewhere), sent on
 * `/ws/investor` only. It names no facility, operator, amount or person: dashboards refetch
 * their aggregates, which is where the figures live. Coalesced (PLATFORM_REVENUE_INTERVAL_MS).
 */
export interface PlatformRevenueUpdatedEvent {
  scope: 'platform';
  /** Facility-level revenue changes this event stands for (several payments in one facility and statement count once). */
  changes: number;
}

/** What `/ws/investor` pushes. */
export type InvestorFeedEvent = ServerEventEnvelope<PlatformRevenueUpdatedEvent> & { event: 'revenue_updated' };

/**
 * A space freed for the driver's waitlist entry and is held for them (booking `bookingId`,
 * `pending_payment`) until `holdExpiresAt`: sent to that driver's own sockets only, on any path.
 */
export interface WaitlistOfferedEvent {
  entryId: string;
  bookingId: string;
  facilityId: string;
  spaceType: SpaceType;
  period: TimePeriod;
  holdExpiresAt: string;
}

export interface RealtimeEventPayloads {
  availability_changed: AvailabilityChangedEvent;
  booking_created: BookingCreatedEvent;
  booking_updated: BookingUpdatedEvent;
  revenue_updated: RevenueUpdatedEvent;
  waitlist_offered: WaitlistOfferedEvent;
}

export type RealtimeEvent = { [E in RealtimeEventName]: ServerEventEnvelope<RealtimeEventPayloads[E]> & { event: E } }[RealtimeEventName];

export interface PongMessage {
  type: 'pong';
  at: string;
}

export const WS_ERROR_CODES = ['invalid_frame', 'invalid_message', 'too_many_subscriptions', 'bbox_too_large', 'rate_limited', 'server_error'] as const;
export type WsErrorCode = (typeof WS_ERROR_CODES)[number];

/** A message the gateway could not act on; the socket stays open. */
export interface ErrorMessage {
  type: 'error';
  code: WsErrorCode;
  message: string;
}

/** The facilities the socket follows after a subscribe or unsubscribe (all of them, not the change). */
export interface SubscriptionsMessage {
  type: 'subscribed';
  facilityIds: string[];
  boundingBoxes: BoundingBox[];
}

/**
 * Sent when the server may have missed events (its database listener reconnected): the client
 * should refetch what it shows. Subscriptions stay in place.
 */
export interface ResyncMessage {
  type: 'resync';
  reason: string;
  at: string;
}

/** Sent once on /ws/operator and /ws/investor after the handshake: who the server took the client for and what it will receive. */
export interface WelcomeMessage {
  type: 'welcome';
  role: RealtimeRole;
  /** Facilities of the operator (on /ws/operator); empty elsewhere. */
  operatorFacilityIds: string[];
  limits: { maxSubscriptions: number; maxBoundingBoxes: number; maxMessagesPerSecond: number; maxFrameBytes: number };
}

export type ServerMessage = RealtimeEvent | PongMessage | ErrorMessage | SubscriptionsMessage | ResyncMessage | WelcomeMessage;

/** Who is on a socket: anonymous, a signed-in account's role, or an integrator's API key. */
export type RealtimeRole = 'anonymous' | 'driver' | 'operator' | 'investor' | 'admin' | 'integrator';

// ---------------------------------------------------------------------------------------------
// Client → server

export interface BoundingBox {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

/**
 * Subscribe to availability of facilities by id, or of the published facilities inside a
 * bounding box (resolved when subscribing, and kept: a facility published inside it later is
 * added). Unsubscribe with the same ids or the same box.
 */
export type ClientMessage =
  { type: 'subscribe'; facilityIds?: string[]; bbox?: BoundingBox } | { type: 'unsubscribe'; facilityIds?: string[]; bbox?: BoundingBox } | { type: 'ping' };

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

// ---------------------------------------------------------------------------------------------
// Counters for the admin system page

export interface RealtimeStatsSnapshot {
  connections: {
    total: number;
    byPath: Record<string, number>;
    byRole: Partial<Record<RealtimeRole, number>>;
  };
  /** Events published (each once, whatever the number of sockets) in the last 60 s. */
  eventsPerMinute: number;
  /** Frames sent to sockets for those events in the last 60 s. */
  deliveriesPerMinute: number;
  lastEventAt: string | null;
  /** Mean heartbeat round trip over the most recent pongs; null before the first one. */
  averagePingLatencyMs: number | null;
  /** Sockets closed because they did not read fast enough (since start). */
  slowConsumersDropped: number;
  /** Sockets closed because they missed a heartbeat (since start). */
  deadSocketsClosed: number;
  listener: { connected: boolean; reconnects: number; lastNotificationAt: string | null };
}
