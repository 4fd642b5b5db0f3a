import type { BookingChange, BookingCreatedEvent, RevenueUpdatedEvent, ServerMessage } from '@aiparksit/shared';

/**
 * What the feed says happened to a booking: `hold` (made, waiting for payment), `booked` (made
 * and paid at once), or the latest change the server named (`paid`, `cancelled`, `expired`, …).
 */
export type OperatorFeedHappening = 'hold' | 'booked' | BookingChange;

/** One booking in the feed: as it is now, and the latest thing that happened to it. */
export interface OperatorFeedEntry {
  booking: BookingCreatedEvent;
  happened: OperatorFeedHappening;
  /** When that happened (the event's time). */
  at: string;
}

/** What the operator's live feed has told this page so far. */
export interface OperatorFeed {
  /** The operator's facilities, as the server's welcome named them; null before the welcome. */
  operatorFacilityIds: string[] | null;
  /**
   * Bookings heard of since the page opened, newest first, at most `OPERATOR_FEED_BOOKINGS`. A
   * booking changes its own entry in place (a hold that is paid or lapses is still one line).
   */
  bookings: OperatorFeedEntry[];
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
    if (feed.bookings.some((entry) => entry.booking.id === message.data.id)) return feed;
    const entry: OperatorFeedEntry = { booking: message.data, happened: message.data.status === 'pending_payment' ? 'hold' : 'booked', at: message.at };
    return { ...feed, bookings: [entry, ...feed.bookings].slice(0, maxBookings), lastEventAt: message.at };
  }
  if (message.event === 'booking_updated') {
    const { change, previousStatus: _previousStatus, previousEnd: _previousEnd, ...booking } = message.data;
    const entry: OperatorFeedEntry = { booking, happened: change, at: message.at };
    const index = feed.bookings.findIndex((each) => each.booking.id === booking.id);
    // A booking made before the page opened gets a new line; one already listed changes in place.
    const bookings = index === -1 ? [entry, ...feed.bookings].slice(0, maxBookings) : feed.bookings.map((each, i) => (i === index ? entry : each));
    return { ...feed, bookings, lastEventAt: message.at };
  }
  if (message.event === 'revenue_updated') {
    return { ...feed, revenue: { ...feed.revenue, [message.data.facilityId]: message.data }, lastEventAt: message.at };
  }
  return feed;
}
