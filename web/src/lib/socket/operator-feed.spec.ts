import { describe, expect, it } from '@jest/globals';
import type { BookingChange, BookingCreatedEvent, BookingStatus, ServerMessage } from '@aiparksit/shared';
import { EMPTY_OPERATOR_FEED, reduceOperatorFeed } from './operator-feed';

function booking(id: string, status: BookingStatus = 'confirmed'): BookingCreatedEvent {
  return {
    id,
    code: `C-${id}`,
    facilityId: 'f1',
    spaceType: 'standard',
    start: '2026-03-01T11:00:00Z',
    end: '2026-03-01T13:00:00Z',
    status,
    amountCents: 500,
    currency: 'EUR',
    vehiclePlate: 'B-AB 123',
  };
}

function bookingCreated(id: string, at = '2026-03-01T10:00:00Z', status: BookingStatus = 'confirmed'): ServerMessage {
  return { type: 'event', event: 'booking_created', data: booking(id, status), at };
}

function bookingUpdated(id: string, status: BookingStatus, change: BookingChange, at: string): ServerMessage {
  return {
    type: 'event',
    event: 'booking_updated',
    data: { ...booking(id, status), change, previousStatus: 'pending_payment', previousEnd: '2026-03-01T13:00:00Z' },
    at,
  };
}

describe('reduceOperatorFeed', () => {
  it("takes the operator's facilities from the welcome", () => {
    const welcome: ServerMessage = {
      type: 'welcome',
      role: 'operator',
      operatorFacilityIds: ['f1', 'f2'],
      limits: { maxSubscriptions: 200, maxBoundingBoxes: 10, maxMessagesPerSecond: 20, maxFrameBytes: 65536 },
    };
    expect(reduceOperatorFeed(EMPTY_OPERATOR_FEED, welcome).operatorFacilityIds).toEqual(['f1', 'f2']);
  });

  it('lists new bookings newest first, each once, and keeps only the most recent', () => {
    let feed = EMPTY_OPERATOR_FEED;
    for (const id of ['b1', 'b2', 'b2', 'b3']) feed = reduceOperatorFeed(feed, bookingCreated(id), 2);
    expect(feed.bookings.map((entry) => entry.booking.id)).toEqual(['b3', 'b2']);
    expect(feed.lastEventAt).toBe('2026-03-01T10:00:00Z');
  });

  it('says what happened to each booking and changes its entry in place', () => {
    let feed = EMPTY_OPERATOR_FEED;
    feed = reduceOperatorFeed(feed, bookingCreated('b1', 't1', 'pending_payment'));
    feed = reduceOperatorFeed(feed, bookingCreated('b2', 't2', 'pending_payment'));
    expect(feed.bookings.map((entry) => [entry.booking.id, entry.happened])).toEqual([
      ['b2', 'hold'],
      ['b1', 'hold'],
    ]);
    feed = reduceOperatorFeed(feed, bookingUpdated('b1', 'expired', 'expired', 't3'));
    feed = reduceOperatorFeed(feed, bookingUpdated('b2', 'confirmed', 'paid', 't4'));
    expect(feed.bookings.map((entry) => [entry.booking.id, entry.happened, entry.booking.status, entry.at])).toEqual([
      ['b2', 'paid', 'confirmed', 't4'],
      ['b1', 'expired', 'expired', 't3'],
    ]);
    expect(feed.lastEventAt).toBe('t4');
  });

  it('lists a change to a booking made before the page opened as a new entry', () => {
    const feed = reduceOperatorFeed(reduceOperatorFeed(EMPTY_OPERATOR_FEED, bookingCreated('b1')), bookingUpdated('b0', 'cancelled', 'cancelled', 't2'));
    expect(feed.bookings.map((entry) => [entry.booking.id, entry.happened])).toEqual([
      ['b0', 'cancelled'],
      ['b1', 'booked'],
    ]);
  });

  it('keeps the latest takings per facility', () => {
    let feed = EMPTY_OPERATOR_FEED;
    feed = reduceOperatorFeed(feed, {
      type: 'event',
      event: 'revenue_updated',
      data: { facilityId: 'f1', currency: 'EUR', todayCents: 500, monthToDateCents: 900 },
      at: 'a',
    });
    feed = reduceOperatorFeed(feed, {
      type: 'event',
      event: 'revenue_updated',
      data: { facilityId: 'f2', currency: 'EUR', todayCents: 100, monthToDateCents: 100 },
      at: 'b',
    });
    feed = reduceOperatorFeed(feed, {
      type: 'event',
      event: 'revenue_updated',
      data: { facilityId: 'f1', currency: 'EUR', todayCents: 800, monthToDateCents: 1200 },
      at: 'c',
    });
    expect(feed.revenue['f1']?.todayCents).toBe(800);
    expect(feed.revenue['f2']?.todayCents).toBe(100);
  });

  it('returns the same feed for messages it has no use for, so nothing re-renders', () => {
    const pong: ServerMessage = { type: 'pong', at: 'x' };
    expect(reduceOperatorFeed(EMPTY_OPERATOR_FEED, pong)).toBe(EMPTY_OPERATOR_FEED);
  });
});
