import { describe, expect, it } from '@jest/globals';
import type { WaitlistEntryView } from '@aiparksit/shared';
import { entryForStay, entryStateOf, holdEndsText, isStillInLine, ordinal } from './waitlist-status';

const NOW = Date.parse('2027-03-29T08:00:00.000Z');

function entry(overrides: Partial<WaitlistEntryView> = {}): WaitlistEntryView {
  return {
    id: 'e1',
    status: 'waiting',
    facility: { id: 'f1', name: 'Harbour Garage', addressLine: '1 Quay', city: 'Wellington', timeZone: 'Pacific/Auckland' },
    spaceType: 'standard',
    start: '2027-03-30T08:00:00.000Z',
    end: '2027-03-30T10:00:00.000Z',
    vehiclePlate: 'B-WL 1',
    amountCents: 600,
    currency: 'EUR',
    position: 2,
    booking: null,
    offeredAt: null,
    createdAt: '2027-03-29T07:00:00.000Z',
    ...overrides,
  };
}

const held = (status: string, holdExpiresAt: string | null) => ({ id: 'b1', code: 'ABC123', status, holdExpiresAt });

describe('entryStateOf', () => {
  it('gives a waiting entry its place in line', () => {
    expect(entryStateOf(entry(), NOW)).toEqual({ kind: 'waiting', position: 2 });
  });

  it('offers a held space until its hold ends', () => {
    const offered = entry({ status: 'offered', position: null, booking: held('pending_payment', '2027-03-29T08:09:00.000Z') });
    expect(entryStateOf(offered, NOW)).toEqual({ kind: 'offered', bookingId: 'b1', holdExpiresAt: '2027-03-29T08:09:00.000Z' });
    expect(entryStateOf(offered, Date.parse('2027-03-29T08:09:00.000Z'))).toEqual({ kind: 'lapsed' });
  });

  it('reads an offer through its booking before the server job settles it: paid is booked, released is lapsed', () => {
    expect(entryStateOf(entry({ status: 'offered', booking: held('confirmed', null) }), NOW)).toEqual({ kind: 'booked', bookingId: 'b1' });
    expect(entryStateOf(entry({ status: 'offered', booking: held('expired', null) }), NOW)).toEqual({ kind: 'lapsed' });
    expect(entryStateOf(entry({ status: 'offered', booking: held('cancelled', null) }), NOW)).toEqual({ kind: 'lapsed' });
  });

  it('keeps the ended states as they are', () => {
    expect(entryStateOf(entry({ status: 'booked', booking: held('confirmed', null) }), NOW)).toEqual({ kind: 'booked', bookingId: 'b1' });
    for (const status of ['lapsed', 'left', 'expired'] as const) expect(entryStateOf(entry({ status, position: null }), NOW)).toEqual({ kind: status });
  });
});

describe('entryForStay', () => {
  const stay = { facilityId: 'f1', spaceType: 'standard', start: '2027-03-30T08:00:00Z', end: '2027-03-30T10:00:00Z' };

  it('finds the entry for the same car park, space type and instants, however they are written', () => {
    expect(entryForStay([entry()], stay)?.id).toBe('e1');
  });

  it('prefers the entry still in line, then one that got its space', () => {
    const booked = entry({ id: 'e0', status: 'booked', position: null });
    expect(entryForStay([booked, entry()], stay)?.id).toBe('e1');
    expect(entryForStay([booked], stay)?.id).toBe('e0');
  });

  it('ignores entries that left the line or ended without a space, and other stays', () => {
    expect(entryForStay([entry({ status: 'left' }), entry({ status: 'lapsed' }), entry({ status: 'expired' })], stay)).toBeNull();
    expect(entryForStay([entry({ spaceType: 'ev' })], stay)).toBeNull();
    expect(entryForStay([entry({ end: '2027-03-30T11:00:00.000Z' })], stay)).toBeNull();
  });
});

describe('isStillInLine', () => {
  it('is true while waiting or holding an offer', () => {
    expect(['waiting', 'offered', 'booked', 'lapsed', 'left', 'expired'].filter((status) => isStillInLine({ status } as WaitlistEntryView))).toEqual([
      'waiting',
      'offered',
    ]);
  });
});

describe('ordinal', () => {
  it('says a place in line as people do', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});

describe('holdEndsText', () => {
  it('says when the hold ends on the clock and how long is left', () => {
    expect(holdEndsText('2027-03-29T08:09:00.000Z', NOW, 'UTC')).toBe('until 08:09 (9 min left)');
    expect(holdEndsText('2027-03-29T08:09:40.000Z', NOW, 'UTC')).toBe('until 08:09 (9 min left)');
    expect(holdEndsText('2027-03-29T08:00:30.000Z', NOW, 'UTC')).toBe('until 08:00 (under a minute left)');
    expect(holdEndsText('2027-03-29T07:59:00.000Z', NOW, 'UTC')).toBe('until 07:59 (ended)');
  });
});
