import { bookingChange, parseDatabaseChange, parseNotice, spanOf } from './database-change.js';

describe('parseDatabaseChange', () => {
  const facility = '6a1f0d1e-0000-4000-8000-000000000001';
  const operator = '6a1f0d1e-0000-4000-8000-000000000002';

  it('reads an availability notice with its period in UTC', () => {
    const payload = JSON.stringify({ k: 'a', f: facility, t: 'ev', s: '2026-03-01T10:00:00+01:00', e: '2026-03-01T12:00:00+01:00' });
    expect(parseDatabaseChange(payload)).toEqual({
      kind: 'availability',
      facilityId: facility,
      spaceType: 'ev',
      period: { start: '2026-03-01T09:00:00.000Z', end: '2026-03-01T11:00:00.000Z' },
    });
  });

  it("reads a disabled account's notice and an ended-sessions notice (no facility in them)", () => {
    expect(parseDatabaseChange(JSON.stringify({ k: 'ud', u: operator }))).toEqual({ kind: 'user_disabled', userId: operator });
    expect(parseDatabaseChange(JSON.stringify({ k: 'ud' }))).toBeUndefined();
    expect(parseDatabaseChange(JSON.stringify({ k: 'ue', u: operator }))).toEqual({ kind: 'sessions_ended', userId: operator });
  });

  it("reads a waitlist offer's notice (as waitlist_offer sends it, timestamps with offsets) into the driver's event", () => {
    const entry = '6a1f0d1e-0000-4000-8000-000000000003';
    const booking = '6a1f0d1e-0000-4000-8000-000000000004';
    const notice = { k: 'wo', u: operator, id: entry, b: booking, f: facility, t: 'standard', s: '2026-03-01T10:00:00+01:00', e: '2026-03-01T12:00:00+01:00' };
    expect(parseDatabaseChange(JSON.stringify({ ...notice, x: '2026-02-20T08:10:00.5+00:00', ts: 1_700_000_000_000 }))).toEqual({
      kind: 'waitlist_offered',
      userId: operator,
      offer: {
        entryId: entry,
        bookingId: booking,
        facilityId: facility,
        spaceType: 'standard',
        period: { start: '2026-03-01T09:00:00.000Z', end: '2026-03-01T11:00:00.000Z' },
        holdExpiresAt: '2026-02-20T08:10:00.500Z',
      },
      at: 1_700_000_000_000,
    });
    // Anything missing: not a notice this build can act on.
    expect(parseDatabaseChange(JSON.stringify({ ...notice, b: undefined, x: '2026-02-20T08:10:00Z' }))).toBeUndefined();
    expect(parseDatabaseChange(JSON.stringify(notice))).toBeUndefined();
  });

  it('reads an availability notice without a period (a space or facility change)', () => {
    expect(parseDatabaseChange(JSON.stringify({ k: 'a', f: facility, t: 'standard' }))).toMatchObject({ period: null });
  });

  it('reads a booking notice into the summary an operator sees', () => {
    const payload = JSON.stringify({
      k: 'b',
      f: facility,
      o: operator,
      id: 'b1',
      code: 'AB12',
      t: 'standard',
      s: '2026-03-01T10:00:00+00:00',
      e: '2026-03-01T11:00:00+00:00',
      st: 'confirmed',
      amt: 450,
      cur: 'EUR',
      pl: 'B-X 1',
    });
    expect(parseDatabaseChange(payload)).toEqual({
      kind: 'booking_created',
      facilityId: facility,
      operatorId: operator,
      booking: {
        id: 'b1',
        code: 'AB12',
        facilityId: facility,
        spaceType: 'standard',
        start: '2026-03-01T10:00:00.000Z',
        end: '2026-03-01T11:00:00.000Z',
        status: 'confirmed',
        amountCents: 450,
        currency: 'EUR',
        vehiclePlate: 'B-X 1',
      },
    });
  });

  it('reads a booking update with what happened and the status and end it had', () => {
    const payload = JSON.stringify({
      k: 'bu',
      f: facility,
      o: operator,
      id: 'b1',
      code: 'AB12',
      t: 'ev',
      s: '2026-03-01T10:00:00+00:00',
      e: '2026-03-01T13:00:00+00:00',
      st: 'confirmed',
      amt: 900,
      cur: 'EUR',
      pl: 'B-X 1',
      pst: 'confirmed',
      pe: '2026-03-01T11:00:00+00:00',
    });
    expect(parseDatabaseChange(payload)).toEqual({
      kind: 'booking_updated',
      facilityId: facility,
      operatorId: operator,
      booking: expect.objectContaining({
        id: 'b1',
        end: '2026-03-01T13:00:00.000Z',
        change: 'extended',
        previousStatus: 'confirmed',
        previousEnd: '2026-03-01T11:00:00.000Z',
      }),
    });
    expect(parseDatabaseChange(JSON.stringify({ ...JSON.parse(payload), pst: 'lost' }))).toBeUndefined();
  });

  it('names each step of a booking', () => {
    const end = '2026-03-01T11:00:00.000Z';
    expect(bookingChange('pending_payment', 'confirmed', end, end)).toBe('paid');
    expect(bookingChange('pending_payment', 'expired', end, end)).toBe('expired');
    expect(bookingChange('pending_payment', 'cancelled', end, end)).toBe('cancelled');
    expect(bookingChange('confirmed', 'cancelled', end, end)).toBe('cancelled');
    expect(bookingChange('confirmed', 'completed', end, end)).toBe('completed');
    expect(bookingChange('confirmed', 'confirmed', end, '2026-03-01T12:00:00.000Z')).toBe('extended');
    expect(bookingChange('confirmed', 'confirmed', end, end)).toBe('changed');
  });

  it('reads revenue and facility notices', () => {
    expect(parseDatabaseChange(JSON.stringify({ k: 'r', f: facility, o: operator }))).toEqual({ kind: 'revenue', facilityId: facility, operatorId: operator });
    expect(parseDatabaseChange(JSON.stringify({ k: 'f', f: facility, o: operator }))).toEqual({ kind: 'facility', facilityId: facility, operatorId: operator });
  });

  it('ignores anything it does not understand instead of failing', () => {
    for (const payload of [
      undefined,
      '',
      'not json',
      '42',
      'null',
      '{"k":"z","f":"x"}',
      '{"k":"a","f":"x","t":"hovercraft"}',
      '{"k":"b","f":"x"}',
      '{"k":"a"}',
    ]) {
      expect(parseDatabaseChange(payload)).toBeUndefined();
    }
  });
});

describe('parseNotice', () => {
  const facility = '6a1f0d1e-0000-4000-8000-000000000001';

  it("keeps a change's database time stamp (ts, epoch ms) for the commit-to-send latency", () => {
    expect(parseNotice(JSON.stringify({ k: 'a', f: facility, t: 'standard', ts: 1_800_000_000_123 }))).toMatchObject({
      kind: 'availability',
      at: 1_800_000_000_123,
    });
    expect(parseNotice(JSON.stringify({ k: 'a', f: facility, t: 'standard' }))).not.toHaveProperty('at');
  });

  it('reads a system error group notice as the admin feed event', () => {
    const e = { fingerprint: 'fp1', service: 'API', type: '500 Error', message: 'boom', count: 3, lastAt: '2026-12-07T06:00:00+00:00', critical: true };
    expect(parseNotice(JSON.stringify({ k: 'se', e }))).toEqual({ kind: 'system_error', event: { ...e, lastAt: '2026-12-07T06:00:00.000Z' } });
  });

  it('ignores a system error notice with an unknown service or no fingerprint', () => {
    const e = { fingerprint: 'fp1', service: 'API', type: 't', message: 'm', count: 1, lastAt: '2026-12-07T06:00:00Z', critical: false };
    expect(parseNotice(JSON.stringify({ k: 'se', e: { ...e, service: 'Mainframe' } }))).toBeUndefined();
    expect(parseNotice(JSON.stringify({ k: 'se', e: { ...e, fingerprint: '' } }))).toBeUndefined();
    expect(parseNotice(JSON.stringify({ k: 'se' }))).toBeUndefined();
  });
});

describe('spanOf', () => {
  it('covers both periods, or whichever is known', () => {
    const a = { start: '2026-01-01T10:00:00.000Z', end: '2026-01-01T11:00:00.000Z' };
    const b = { start: '2026-01-01T09:00:00.000Z', end: '2026-01-01T10:30:00.000Z' };
    expect(spanOf(a, b)).toEqual({ start: b.start, end: a.end });
    expect(spanOf(null, a)).toBe(a);
    expect(spanOf(a, null)).toBe(a);
    expect(spanOf(null, null)).toBeNull();
  });
});
