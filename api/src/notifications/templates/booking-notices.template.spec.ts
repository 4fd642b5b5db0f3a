import {
  bookingCancellationEmail,
  bookingExtensionEmail,
  REFUND_ARRIVAL,
  vehicleChangeEmail,
  waitlistOfferEmail,
  type BookingNoticeBase,
} from './booking-notices.template.js';

const BOOKING_URL = 'https://parking.example/driver/bookings/0b9f6a43-3c1e-4c7e-9d0a-8f2a51a1f7a1';

const base: BookingNoticeBase = {
  driverName: 'Dana Driver',
  bookingCode: 'PK7Q-M2XD',
  facility: { name: 'Central Garage', timeZone: 'Europe/Berlin' },
  bookingUrl: BOOKING_URL,
};

describe('bookingCancellationEmail', () => {
  const cancellation = (refunds: { card: string | null; amountCents: number }[], testMode = false) =>
    bookingCancellationEmail({ ...base, start: new Date('2026-05-04T07:00:00Z'), end: new Date('2026-05-04T09:30:00Z'), currency: 'EUR', refunds, testMode });

  it('states the refund, split per card, and when it reaches the card', () => {
    const email = cancellation([
      { card: 'Visa •••• 4242', amountCents: 1250 },
      { card: 'Mastercard •••• 4444', amountCents: 500 },
    ]);
    expect(email.subject).toBe('Booking cancelled: PK7Q-M2XD at Central Garage, €17.50 refunded');
    expect(email.text).toContain('Refund:  €17.50');
    expect(email.text).toContain('€12.50 to Visa •••• 4242');
    expect(email.text).toContain('€5.00 to Mastercard •••• 4444');
    expect(email.text).toContain(`It reaches your card ${REFUND_ARRIVAL}.`);
    expect(email.text).toContain('Was:     Monday 4 May 2026, 09:00 CEST to Monday 4 May 2026, 11:30 CEST');
    expect(email.text).toContain(BOOKING_URL);
    expect(email.html).toContain('€17.50');
    expect(email.html).toContain('€5.00 to Mastercard •••• 4444');
    expect(email.html).toContain(`href="${BOOKING_URL}"`);
    expect(email.text).not.toContain('test mode');
  });

  it('says plainly when nothing is refunded, and notes test-mode payments', () => {
    const email = cancellation([], true);
    expect(email.subject).toBe('Booking cancelled: PK7Q-M2XD at Central Garage');
    expect(email.text).toContain('Refund:  none');
    expect(email.text).toContain('Nothing was refunded');
    expect(email.text).toContain('paid in test mode: no real money was charged or refunded');
  });

  it('writes amounts in the currency’s own decimals', () => {
    const email = cancellation([{ card: 'Visa •••• 4242', amountCents: 1200 }]);
    const yen = bookingCancellationEmail({
      ...base,
      start: new Date(),
      end: new Date(),
      currency: 'JPY',
      refunds: [{ card: null, amountCents: 1200 }],
      testMode: false,
    });
    expect(email.text).toContain('€12.00');
    expect(yen.text).toContain('¥1,200 to the card you paid with');
  });

  it('escapes what it puts into HTML', () => {
    const email = bookingCancellationEmail({
      ...base,
      facility: { name: 'A <b>&</b> B', timeZone: 'UTC' },
      start: new Date(),
      end: new Date(),
      currency: 'EUR',
      refunds: [],
      testMode: false,
    });
    expect(email.html).toContain('A &lt;b&gt;&amp;&lt;/b&gt; B');
    expect(email.html).not.toContain('<b>&</b>');
  });
});

describe('bookingExtensionEmail', () => {
  it('gives the new end beside the old one, and what the extra time cost on which card', () => {
    const email = bookingExtensionEmail({
      ...base,
      start: new Date('2026-05-04T07:00:00Z'),
      previousEnd: new Date('2026-05-04T09:30:00Z'),
      newEnd: new Date('2026-05-04T11:00:00Z'),
      amountCents: 450,
      currency: 'EUR',
      paidWith: 'Mastercard •••• 4444',
    });
    expect(email.subject).toBe('Booking extended: PK7Q-M2XD now until Monday 4 May 2026, 13:00 CEST');
    expect(email.text).toContain('Now until: Monday 4 May 2026, 13:00 CEST');
    expect(email.text).toContain('Was until: Monday 4 May 2026, 11:30 CEST');
    expect(email.text).toContain('Extra:     €4.50, paid with Mastercard •••• 4444');
    expect(email.text).toContain(BOOKING_URL);
    expect(email.html).toContain('€4.50, paid with Mastercard •••• 4444');
    expect(email.html).toContain(`href="${BOOKING_URL}"`);
  });
});

describe('vehicleChangeEmail', () => {
  it('names the new and the previous plate and links to the booking', () => {
    const email = vehicleChangeEmail({
      ...base,
      start: new Date('2026-05-04T07:00:00Z'),
      end: new Date('2026-05-04T09:30:00Z'),
      previousPlate: 'B-AB 1234',
      vehiclePlate: 'M-XY 99',
    });
    expect(email.subject).toBe('Vehicle changed: PK7Q-M2XD is now for M-XY 99');
    expect(email.text).toContain('now for the vehicle M-XY 99 (was B-AB 1234)');
    expect(email.text).toContain('When:    Monday 4 May 2026, 09:00 CEST to Monday 4 May 2026, 11:30 CEST');
    expect(email.text).toContain(BOOKING_URL);
    expect(email.html).toContain('<strong>M-XY 99</strong>');
    expect(email.html).toContain(`href="${BOOKING_URL}"`);
  });
});

describe('waitlistOfferEmail', () => {
  it('says which space is held, at what price, until when (local time), and where to pay', () => {
    const payUrl = 'https://parking.example/driver/checkout/0b9f6a43-3c1e-4c7e-9d0a-8f2a51a1f7a1';
    const email = waitlistOfferEmail({
      ...base,
      start: new Date('2026-05-04T07:00:00Z'),
      end: new Date('2026-05-04T09:30:00Z'),
      amountCents: 750,
      currency: 'EUR',
      holdExpiresAt: new Date('2026-05-01T16:40:00Z'),
      payUrl,
    });
    expect(email.subject).toBe('A space freed up at Central Garage: held for you until 18:40');
    expect(email.text).toContain('(booking PK7Q-M2XD)');
    expect(email.text).toContain('When:   Monday 4 May 2026, 09:00 CEST to Monday 4 May 2026, 11:30 CEST');
    expect(email.text).toContain('Price:  €7.50');
    expect(email.text).toContain('Pay by Friday 1 May 2026, 18:40 CEST to keep it; after that it goes to the next driver in line.');
    expect(email.text).toContain(`Pay now: ${payUrl}`);
    expect(email.text).toContain(BOOKING_URL);
    expect(email.html).toContain(`href="${payUrl}"`);
  });
});
