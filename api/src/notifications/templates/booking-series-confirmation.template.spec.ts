import { bookingSeriesConfirmationEmail, type BookingSeriesConfirmationData } from './booking-series-confirmation.template.js';

const data: BookingSeriesConfirmationData = {
  driverName: 'Dana <Driver>',
  facility: { name: 'Zurich Garage', addressLine: 'Bahnhofstrasse 1', city: 'Zürich', timeZone: 'Europe/Zurich' },
  spaceType: 'standard',
  vehiclePlate: 'ZH 12345',
  occurrences: [
    { code: 'PK7Q-M2XD', start: new Date('2027-03-26T07:00:00Z'), end: new Date('2027-03-26T17:00:00Z'), amountCents: 3000 },
    { code: 'PK8R-N3YE', start: new Date('2027-03-29T06:00:00Z'), end: new Date('2027-03-29T16:00:00Z'), amountCents: 3000 },
  ],
  skipped: [
    { start: new Date('2027-03-31T06:00:00Z'), end: new Date('2027-03-31T16:00:00Z'), message: 'No standard space is free for the whole of this occurrence.' },
  ],
  amountCents: 6000,
  currency: 'CHF',
  paidWith: 'Visa •••• 4242',
  seriesUrl: 'https://parking.example/driver/series/0b9f6a43-3c1e-4c7e-9d0a-8f2a51a1f7a1',
};

describe('bookingSeriesConfirmationEmail', () => {
  it('lists every stay with its code on the local clock across the DST change, what was left out, and the one charge', () => {
    const email = bookingSeriesConfirmationEmail(data);
    // Money is formatted with a no-break space between currency and amount.
    expect(email.subject).toMatch(/^Booked: 2 stays at Zurich Garage, CHF\s60\.00 paid$/);
    expect(email.text).toMatch(/PK7Q-M2XD {2}Friday 26 March 2027, 08:00 – 18:00 CET/);
    expect(email.text).toMatch(/PK8R-N3YE {2}Monday 29 March 2027, 08:00 – 18:00 CEST/);
    expect(email.text).toContain('Not booked:');
    expect(email.text).toMatch(/Paid: {3}CHF\s60\.00 with Visa •••• 4242, one charge for all of them\./);
    expect(email.text).toContain(data.seriesUrl);
  });

  it('escapes what a person typed in the HTML part', () => {
    const { html } = bookingSeriesConfirmationEmail(data);
    expect(html).toContain('Dana &lt;Driver&gt;');
    expect(html).not.toContain('<Driver>');
  });
});
