import { WEEKDAYS, type OpeningHours, type SpaceType } from '@aiparksit/shared';
import { formatMoney, formatWindow } from './formatting.js';
import { emailLayout, html, singleLine } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

/** The content id of the QR code; the HTML shows it as `cid:` + this. */
export const BOOKING_QR_CID = 'booking-qr@aiparksit';

export interface BookingConfirmationData {
  driverName: string;
  bookingCode: string;
  facility: { name: string; addressLine: string; postalCode: string; city: string; countryCode: string; timeZone: string };
  start: Date;
  end: Date;
  spaceType: SpaceType;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  /** "Visa •••• 4242", when a card payment is on record. */
  paidWith: string | null;
  /** Where the driver sees the booking and can cancel it. */
  manageUrl: string;
  /** PNG of a QR code that encodes the booking code. */
  qrPng: Buffer;
  /** Set when the booking is a monthly pass: its month (`YYYY-MM`) and the facility's opening hours, when its entries are. */
  pass?: { month: string; openingHours: OpeningHours } | undefined;
}

const DAY_NAMES = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;

/** "Mon–Fri 07:00–19:00; Sat 08:00–14:00; Sun closed", days with the same hours run together; null hours are round the clock. */
export function openingHoursText(hours: OpeningHours): string {
  if (hours === null) return 'open around the clock';
  const runs: { from: string; to: string; hours: string }[] = [];
  for (const day of WEEKDAYS) {
    const intervals = hours[day] ?? [];
    const text = intervals.length ? intervals.map(([from, to]) => `${from}–${to}`).join(', ') : 'closed';
    const last = runs[runs.length - 1];
    if (last && last.hours === text) last.to = DAY_NAMES[day];
    else runs.push({ from: DAY_NAMES[day], to: DAY_NAMES[day], hours: text });
  }
  return runs.map((run) => `${run.from === run.to ? run.from : `${run.from}–${run.to}`} ${run.hours}`).join('; ');
}

function monthTitle(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year!, index! - 1, 1));
}

const SPACE_TYPE_NAMES: Record<SpaceType, string> = {
  standard: 'Standard',
  ev: 'EV charging',
  accessible: 'Accessible',
  oversize: 'Oversize',
  motorcycle: 'Motorcycle',
};

/** The email a driver gets once a booking is paid: what to show at the gate, where, when, for how much. */
export function bookingConfirmationEmail(data: BookingConfirmationData): RenderedEmail {
  const { facility } = data;
  const window = formatWindow(data.start, data.end, facility.timeZone);
  const price = formatMoney(data.amountCents, data.currency);
  const cityLine = [facility.postalCode, facility.city].filter(Boolean).join(' ');
  const address = [facility.addressLine, cityLine, facility.countryCode].filter(Boolean);
  const from = `${window.start} ${window.startZone}`;
  const until = `${window.end} ${window.endZone}`;
  const spaceType = SPACE_TYPE_NAMES[data.spaceType] ?? data.spaceType;
  const pass = data.pass ? { month: monthTitle(data.pass.month), hours: openingHoursText(data.pass.openingHours) } : null;
  const subject = singleLine(
    pass ? `Monthly pass confirmed: ${data.bookingCode} at ${facility.name}, ${pass.month}` : `Booking confirmed: ${data.bookingCode} at ${facility.name}`,
  );
  const intro = pass
    ? `your monthly pass for ${pass.month} at ${facility.name} is paid: a ${spaceType.toLowerCase()} space is kept for you for the whole period.`
    : `your parking at ${facility.name} is booked and paid.`;

  const text = [
    `Hello ${data.driverName},`,
    '',
    intro,
    '',
    `${pass ? 'Pass code' : 'Booking code'}: ${data.bookingCode}`,
    '(show this code, or the QR code in the HTML version of this email, at the entrance)',
    '',
    `Where:   ${facility.name}`,
    ...address.map((line) => `         ${line}`),
    `From:    ${from}`,
    `Until:   ${until}`,
    `         (local time at the facility, ${window.timeZone})`,
    `Space:   ${spaceType}`,
    ...(pass ? [`Entries: unlimited within opening hours (${pass.hours})`] : []),
    `Vehicle: ${data.vehiclePlate}`,
    `Price:   ${price}${data.paidWith ? `, paid with ${data.paidWith}` : ''}`,
    '',
    `See or cancel your booking: ${data.manageUrl}`,
    '',
    'AIParksit',
  ].join('\n');

  const row = (label: string, value: unknown) =>
    html`<tr><td style="padding:4px 12px 4px 0;color:#52606d;vertical-align:top;">${label}</td><td style="padding:4px 0;">${value}</td></tr>`;
  const body = html`<h1 style="font-size:20px;margin:0 0 12px;">${pass ? 'Your monthly pass is paid' : 'Your parking is booked'}</h1>
<p>Hello ${data.driverName}, ${intro}</p>
<p style="margin:16px 0 4px;color:#52606d;">${pass ? 'Pass code' : 'Booking code'}</p>
<p style="margin:0 0 8px;font-size:28px;font-weight:bold;letter-spacing:2px;font-family:'Courier New',monospace;">${data.bookingCode}</p>
<p><img src="cid:${BOOKING_QR_CID}" alt="QR code of booking ${data.bookingCode}" width="180" height="180" style="display:block;"></p>
<p style="color:#52606d;font-size:13px;">Show the code or the QR code at the entrance.</p>
<table role="presentation" style="border-collapse:collapse;margin:16px 0;font-size:15px;">
${row('Where', html`${facility.name}<br>${address.map((line, i) => html`${i ? html`<br>` : ''}${line}`)}`)}
${row('From', from)}
${row('Until', until)}
${row('', html`<span style="color:#52606d;font-size:13px;">Local time at the facility (${window.timeZone})</span>`)}
${row('Space', spaceType)}
${pass ? row('Entries', `Unlimited within opening hours: ${pass.hours}`) : ''}
${row('Vehicle', data.vehiclePlate)}
${row('Price', html`${price}${data.paidWith ? html` <span style="color:#52606d;">(paid with ${data.paidWith})</span>` : ''}`)}
</table>
<p><a href="${data.manageUrl}" style="display:inline-block;background:#0b6bcb;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;">See or cancel your booking</a></p>
<p style="color:#52606d;font-size:13px;">Or open ${data.manageUrl}</p>`;

  return {
    subject,
    text,
    html: emailLayout(subject, body),
    inlineImages: [{ cid: BOOKING_QR_CID, filename: `booking-${data.bookingCode}.png`, contentType: 'image/png', content: data.qrPng }],
    attachments: [],
  };
}
