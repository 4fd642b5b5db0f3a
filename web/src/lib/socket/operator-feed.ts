import type { BookingCreatedEvent, RevenueUpdatedEvent, ServerMessage } from '@aiparksit/shared';

/** What the operator's live feed has told this page so far. */
export interface OperatorFeed {
  /** The operator's facilities, as the server's welcome named them; null before the welcome. */
  operatorFacilityIds: string[] | null;
  /** Bookings made since the page opened, newest first, at most `OPERATOR_FEED_BOOKINGS`. */
  bookings: BookingCreatedEvent[];
  /** The latest takings per facility id. */
  revenue: Record<string, RevenueUpdatedEvent>;
  lastEventAt: string | null;
}

/** Bookings the feed keeps in memory: enough for a "just booked" list, bounded for a page left open for days. */
export const OPERATOR_FEED_BOOKINGS = 50;

export const EMPTY_OPERATOR_FEED: OperatorFeed = { operatorFacilityIds: null, bookings: [], revenue: {}, lastEventAt: null };

/** The feed after one server message; unchanged (same object) for messages it does not use. */
export function reduceOperatorFeed(feed: OperatorFeed, message: ServerMessage, maxBookings = OPERATOR_FEED_BOOKINGS): OperatorFeed {
  if (message.type === 'welcome') return { ...feed, operatorFacilityIds: message.operatorFacilityIds };
  if (message.type !== 'event') return feed;
  if (message.event === 'booking_created') {
    // A socket renewed with a new token overlaps the old one for a moment: an event may come twice.
    if (feed.bookings.some((booking) => booking.id === message.data.id)) return feed;
    return { ...feed, bookings: [message.data, ...feed.bookings].slice(0, maxBookings), lastEventAt: message.at };
  }
  if (message.event === 'revenue_updated') {
    return { ...feed, revenue: { ...feed.revenue, [message.data.facilityId]: message.data }, lastEventAt: message.at };
  }
  return feed;
}
