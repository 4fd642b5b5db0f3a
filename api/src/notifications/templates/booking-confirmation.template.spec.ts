import { BOOKING_QR_CID, bookingConfirmationEmail, openingHoursText, type BookingConfirmationData } from './booking-confirmation.template.js';

function confirmation(overrides: Partial<BookingConfirmationData> = {}): BookingConfirmationData {
  return {
    driverName: 'Dana Driver',
    bookingCode: 'PK7Q-M2XD',
    facility: { name: 'Central Garage', addressLine: 'Friedrichstraße 12', postalCode: '10117', city: 'Berlin', countryCode: 'DE', timeZone: 'Europe/Berlin' },
    start: new Date('2026-05-04T07:00:00Z'),
    end: new Date('2026-05-04T09:30:00Z'),
    spaceType: 'ev',
    vehiclePlate: 'B-AB 1234',
    amountCents: 1250,
    currency: 'EUR',
    paidWith: 'Visa •••• 4242',
    manageUrl: 'https://parking.example/driver/bookings/0b9f6a43-3c1e-4c7e-9d0a-8f2a51a1f7a1',
    qrPng: Buffer.from('png bytes'),
    ...overrides,
  };
}

describe('bookingConfirmationEmail', () => {
  it('names the code and the facility in the subject', () => {
    expect(bookingConfirmationEmail(confirmation()).subject).toBe('Booking confirmed: PK7Q-M2XD at Central Garage');
  });

  it('gives code, address, local window, price and cancel link in the text version', () => {
    const { text } = bookingConfirmationEmail(confirmation());
    expect(text).toContain('Booking code: PK7Q-M2XD');
    expect(text).toContain('Friedrichstraße 12');
    expect(text).toContain('10117 Berlin');
    expect(text).toContain('From:    Monday 4 May 2026, 09:00 CEST');
    expect(text).toContain('Until:   Monday 4 May 2026, 11:30 CEST');
    expect(text).toContain('Europe/Berlin');
    expect(text).toContain('Price:   €12.50, paid with Visa •••• 4242');
    expect(text).toContain('https://parking.example/driver/bookings/0b9f6a43-3c1e-4c7e-9d0a-8f2a51a1f7a1');
  });

  it('shows the QR code in the HTML as an inline attachment', () => {
    const email = bookingConfirmationEmail(confirmation());
    expect(email.html).toContain(`src="cid:${BOOKING_QR_CID}"`);
    expect(email.inlineImages).toEqual([
      { cid: BOOKING_QR_CID, filename: 'booking-PK7Q-M2XD.png', contentType: 'image/png', content: Buffer.from('png bytes') },
    ]);
  });

  it('gives the same facts in the HTML version', () => {
    const { html } = bookingConfirmationEmail(confirmation());
    for (const fact of ['PK7Q-M2XD', 'Central Garage', 'Friedrichstraße 12', 'Monday 4 May 2026, 09:00 CEST', '€12.50', 'EV charging', 'B-AB 1234']) {
      expect(html).toContain(fact);
    }
    expect(html).toContain('href="https://parking.example/driver/bookings/0b9f6a43-3c1e-4c7e-9d0a-8f2a51a1f7a1"');
  });

  it('escapes everything that comes from data, so a facility name cannot inject markup', () => {
    const hostile = '<script>alert(1)</script> & "Garage" \'x\'';
    const { html } = bookingConfirmationEmail(
      confirmation({ driverName: '<b>Eve</b>', facility: { ...confirmation().facility, name: hostile, addressLine: '<img src=x onerror=alert(1)>' } }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Eve</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Garage&quot; &#39;x&#39;');
    expect(html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
  });

  it('keeps line breaks out of the subject header', () => {
    const email = bookingConfirmationEmail(confirmation({ facility: { ...confirmation().facility, name: 'Garage\r\nBcc: victim@example.com' } }));
    expect(email.subject).toBe('Booking confirmed: PK7Q-M2XD at Garage Bcc: victim@example.com');
  });

  it('formats the price in the currency of the booking', () => {
    expect(bookingConfirmationEmail(confirmation({ amountCents: 2400, currency: 'JPY' })).text).toMatch(/Price: {3}JP¥2,400/);
    expect(bookingConfirmationEmail(confirmation({ paidWith: null })).text).toMatch(/Price: {3}€12\.50\n/);
  });
});

describe('bookingConfirmationEmail for a monthly pass', () => {
  const pass = confirmation({
    start: new Date('2026-04-30T22:00:00Z'),
    end: new Date('2026-05-31T22:00:00Z'),
    spaceType: 'standard',
    pass: { month: '2026-05', openingHours: { mon: [['07:00', '19:00']], tue: [['07:00', '19:00']], sat: [['08:00', '14:00']] } },
  });

  it('names the pass and its month, the period and the opening hours its entries are within', () => {
    const { subject, text, html } = bookingConfirmationEmail(pass);
    expect(subject).toBe('Monthly pass confirmed: PK7Q-M2XD at Central Garage, May 2026');
    expect(text).toContain('your monthly pass for May 2026 at Central Garage is paid');
    expect(text).toContain('Pass code: PK7Q-M2XD');
    expect(text).toContain('From:    Friday 1 May 2026, 00:00 CEST');
    expect(text).toContain('Until:   Monday 1 June 2026, 00:00 CEST');
    expect(text).toContain('Entries: unlimited within opening hours (Mon–Tue 07:00–19:00; Wed–Fri closed; Sat 08:00–14:00; Sun closed)');
    expect(html).toContain('Your monthly pass is paid');
    expect(html).toContain(`src="cid:${BOOKING_QR_CID}"`);
  });

  it('words hours around the clock', () => expect(openingHoursText(null)).toBe('open around the clock'));
});
