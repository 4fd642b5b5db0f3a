import { bookingCsvHeader, bookingCsvRow, localDateTime, minorUnitsToDecimal } from './booking-csv.js';
import type { OperatorBookingDbRow } from './facility-management.repository.js';

const row: OperatorBookingDbRow = {
  id: '6b0f8c1e-2d7a-4c55-9a1e-0d3f7c9b1a20',
  code: 'PK7H3Q',
  facilityId: '0d9c1f2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
  facilityName: 'Central Garage',
  facilityTimeZone: 'Europe/Berlin',
  spaceLabel: 'EV-003',
  spaceType: 'ev',
  start: new Date('2026-03-29T00:30:00Z'),
  end: new Date('2026-03-29T02:30:00Z'),
  status: 'confirmed',
  vehiclePlate: 'B-AB 123',
  amountCents: 1250,
  currency: 'EUR',
  createdAt: new Date('2026-03-28T17:05:00Z'),
};

describe('minorUnitsToDecimal', () => {
  it('writes amounts in the currency’s units with its own precision', () => {
    expect(minorUnitsToDecimal(1250, 'EUR')).toBe('12.50');
    expect(minorUnitsToDecimal(5, 'EUR')).toBe('0.05');
    expect(minorUnitsToDecimal(0, 'USD')).toBe('0.00');
    expect(minorUnitsToDecimal(-1999, 'CHF')).toBe('-19.99');
    expect(minorUnitsToDecimal(500, 'JPY')).toBe('500');
    expect(minorUnitsToDecimal(12345, 'KWD')).toBe('12.345');
    expect(minorUnitsToDecimal(2_000_000_001, 'EUR')).toBe('20000000.01');
  });
});

describe('localDateTime', () => {
  it('shows the car park’s wall clock, across a daylight-saving change', () => {
    expect(localDateTime(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29 01:30');
    expect(localDateTime(new Date('2026-03-29T02:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29 04:30');
    expect(localDateTime(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01 08:00');
  });
});

describe('booking CSV', () => {
  it('names the one zone and currency in the header and writes local times and units', () => {
    const scope = { timeZones: ['Europe/Berlin'], currencies: ['EUR'] };
    expect(bookingCsvHeader(scope)).toEqual([
      'code',
      'facility',
      'space',
      'space_type',
      'start (Europe/Berlin)',
      'end (Europe/Berlin)',
      'status',
      'vehicle_plate',
      'amount (EUR)',
      'created (Europe/Berlin)',
    ]);
    expect(bookingCsvRow(row, scope)).toEqual([
      'PK7H3Q',
      'Central Garage',
      'EV-003',
      'ev',
      '2026-03-29 01:30',
      '2026-03-29 04:30',
      'confirmed',
      'B-AB 123',
      '12.50',
      '2026-03-28 18:05',
    ]);
  });

  it('keeps a zone and a currency column when the car parks differ', () => {
    const scope = { timeZones: ['Europe/Berlin', 'Europe/London'], currencies: ['EUR', 'GBP'] };
    const header = bookingCsvHeader(scope);
    expect(header).toContain('start (local time)');
    expect(header).toContain('amount');
    const cells = bookingCsvRow(row, scope);
    expect(cells[header.indexOf('time_zone')]).toBe('Europe/Berlin');
    expect(cells[header.indexOf('currency')]).toBe('EUR');
    expect(cells).toHaveLength(header.length);
  });
});
