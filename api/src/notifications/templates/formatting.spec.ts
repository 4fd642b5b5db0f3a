import { formatMoney, formatWindow } from './formatting.js';

describe('formatMoney', () => {
  it('shows cents of a two-decimal currency as the currency writes them', () => {
    expect(formatMoney(1250, 'EUR')).toBe('€12.50');
    expect(formatMoney(123_456, 'GBP')).toBe('£1,234.56');
    expect(formatMoney(5, 'EUR')).toBe('€0.05');
    expect(formatMoney(0, 'EUR')).toBe('€0.00');
  });

  it('reads minor units by the currency: yen have no decimals, dinars three', () => {
    expect(formatMoney(1200, 'JPY')).toMatch(/¥1,200$/);
    expect(formatMoney(12_500, 'KWD')).toMatch(/12\.500/);
  });

  it('keeps large amounts exact to the cent', () => {
    expect(formatMoney(900_719_925_474_099, 'EUR')).toBe('€9,007,199,254,740.99');
  });
});

describe('formatWindow', () => {
  it("shows the window on the facility's clocks, not the server's", () => {
    const window = formatWindow(new Date('2026-01-15T08:00:00Z'), new Date('2026-01-15T10:30:00Z'), 'Europe/Berlin');
    expect(window).toEqual({
      start: 'Thursday 15 January 2026, 09:00',
      end: 'Thursday 15 January 2026, 11:30',
      startZone: 'CET',
      endZone: 'CET',
      timeZone: 'Europe/Berlin',
    });
  });

  it('names the zone at each end when the clocks change in between', () => {
    // Berlin springs forward at 01:00 UTC on 29 March 2026.
    const window = formatWindow(new Date('2026-03-29T00:00:00Z'), new Date('2026-03-29T03:00:00Z'), 'Europe/Berlin');
    expect([window.start, window.startZone]).toEqual(['Sunday 29 March 2026, 01:00', 'CET']);
    expect([window.end, window.endZone]).toEqual(['Sunday 29 March 2026, 05:00', 'CEST']);
  });

  it('puts a window that crosses local midnight on two dates', () => {
    const window = formatWindow(new Date('2026-06-30T20:00:00Z'), new Date('2026-07-01T02:00:00Z'), 'America/New_York');
    expect(window.start).toBe('Tuesday 30 June 2026, 16:00');
    expect(window.end).toBe('Tuesday 30 June 2026, 22:00');
    const tokyo = formatWindow(new Date('2026-06-30T20:00:00Z'), new Date('2026-07-01T02:00:00Z'), 'Asia/Tokyo');
    expect(tokyo.start).toBe('Wednesday 1 July 2026, 05:00');
    expect(tokyo.end).toBe('Wednesday 1 July 2026, 11:00');
  });

  it('refuses a zone it cannot show rather than printing server time', () => {
    expect(() => formatWindow(new Date(), new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
