import { formatMoney, formatWindow } from './formatting.js';
import { emailLayout, html, singleLine, type SafeHtml } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

/** What every notice about an existing booking names: which booking, where, and a way back to it. */
export interface BookingNoticeBase {
  driverName: string;
  bookingCode: string;
  facility: { name: string; timeZone: string };
  /** The booking page in the SPA. */
  bookingUrl: string;
}

export interface BookingCancellationData extends BookingNoticeBase {
  start: Date;
  end: Date;
  currency: string;
  /** Each refund, to the card its payment was made with ("Visa •••• 4242"). */
  refunds: { card: string | null; amountCents: number }[];
  /** The payments went through the sandbox processor: no real money moved either way. */
  testMode: boolean;
}

export interface BookingExtensionData extends BookingNoticeBase {
  start: Date;
  previousEnd: Date;
  newEnd: Date;
  amountCents: number;
  currency: string;
  paidWith: string | null;
}

export interface VehicleChangeData extends BookingNoticeBase {
  start: Date;
  end: Date;
  previousPlate: string;
  vehiclePlate: string;
}

export interface WaitlistOfferData extends BookingNoticeBase {
  start: Date;
  end: Date;
  amountCents: number;
  currency: string;
  /** When the hold lapses and the space goes to the next in line. */
  holdExpiresAt: Date;
  /** The SPA's page that pays the held booking. */
  payUrl: string;
}

/**
 * Card refunds are sent at once but the card's bank books them later; 5–10 business days is what
 * card processors tell cardholders to expect.
 */
export const REFUND_ARRIVAL = 'within 5–10 business days, depending on your bank';

const muted = (content: unknown) => html`<span style="color:#52606d;font-size:13px;">${content}</span>`;

function table(rows: [string, unknown][]): SafeHtml {
  return html`<table role="presentation" style="border-collapse:collapse;margin:16px 0;font-size:15px;">
${rows.map(([label, value]) => html`<tr><td style="padding:4px 12px 4px 0;color:#52606d;vertical-align:top;">${label}</td><td style="padding:4px 0;">${value}</td></tr>`)}
</table>`;
}

function button(url: string, label: string): SafeHtml {
  return html`<p><a href="${url}" style="display:inline-block;background:#0b6bcb;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;">${label}</a></p>
<p style="color:#52606d;font-size:13px;">Or open ${url}</p>`;
}

function rendered(subject: string, text: string[], body: SafeHtml): RenderedEmail {
  return { subject, text: text.join('\n'), html: emailLayout(subject, body), inlineImages: [], attachments: [] };
}

/** Sent when a booking is cancelled: what goes back, to which card, and when it arrives. */
export function bookingCancellationEmail(data: BookingCancellationData): RenderedEmail {
  const window = formatWindow(data.start, data.end, data.facility.timeZone);
  const totalCents = data.refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
  const total = formatMoney(totalCents, data.currency);
  const refundLines = data.refunds.map((refund) => `${formatMoney(refund.amountCents, data.currency)} to ${refund.card ?? 'the card you paid with'}`);
  const subject = singleLine(
    totalCents > 0
      ? `Booking cancelled: ${data.bookingCode} at ${data.facility.name}, ${total} refunded`
      : `Booking cancelled: ${data.bookingCode} at ${data.facility.name}`,
  );
  const refundSentence =
    totalCents > 0
      ? `We have refunded ${total}. It reaches your card ${REFUND_ARRIVAL}.`
      : 'Nothing was refunded: the booking was not paid, or the cancellation terms left no refund.';
  const testNote = data.testMode ? 'This booking was paid in test mode: no real money was charged or refunded.' : null;

  const text = [
    `Hello ${data.driverName},`,
    '',
    `your booking ${data.bookingCode} at ${data.facility.name} is cancelled.`,
    '',
    `Was:     ${window.start} ${window.startZone} to ${window.end} ${window.endZone}`,
    `         (local time at the facility, ${window.timeZone})`,
    `Refund:  ${totalCents > 0 ? total : 'none'}`,
    ...refundLines.map((line) => `         ${line}`),
    '',
    refundSentence,
    ...(testNote ? ['', testNote] : []),
    '',
    `See the booking: ${data.bookingUrl}`,
    '',
    'AIParksit',
  ];
  const body = html`<h1 style="font-size:20px;margin:0 0 12px;">Your booking is cancelled</h1>
<p>Hello ${data.driverName}, your booking <strong>${data.bookingCode}</strong> at <strong>${data.facility.name}</strong> is cancelled.</p>
${table([
  ['Was', html`${window.start} ${window.startZone} to ${window.end} ${window.endZone}<br>${muted(`Local time at the facility (${window.timeZone})`)}`],
  ['Refund', html`<strong>${totalCents > 0 ? total : 'None'}</strong>${refundLines.map((line) => html`<br>${muted(line)}`)}`],
])}
<p>${refundSentence}</p>
${testNote ? html`<p style="color:#52606d;font-size:13px;">${testNote}</p>` : ''}
${button(data.bookingUrl, 'See the booking')}`;
  return rendered(subject, text, body);
}

/** Sent when an extension is paid: the new end, and what the extra time cost. */
export function bookingExtensionEmail(data: BookingExtensionData): RenderedEmail {
  const before = formatWindow(data.start, data.previousEnd, data.facility.timeZone);
  const after = formatWindow(data.start, data.newEnd, data.facility.timeZone);
  const price = formatMoney(data.amountCents, data.currency);
  const subject = singleLine(`Booking extended: ${data.bookingCode} now until ${after.end} ${after.endZone}`);
  const paid = `${price}${data.paidWith ? `, paid with ${data.paidWith}` : ''}`;
  const text = [
    `Hello ${data.driverName},`,
    '',
    `your booking ${data.bookingCode} at ${data.facility.name} is extended.`,
    '',
    `Now until: ${after.end} ${after.endZone}`,
    `Was until: ${before.end} ${before.endZone}`,
    `           (local time at the facility, ${after.timeZone})`,
    `Extra:     ${paid}`,
    '',
    `See the booking: ${data.bookingUrl}`,
    '',
    'AIParksit',
  ];
  const body = html`<h1 style="font-size:20px;margin:0 0 12px;">Your booking is extended</h1>
<p>Hello ${data.driverName}, your booking <strong>${data.bookingCode}</strong> at <strong>${data.facility.name}</strong> now lasts longer.</p>
${table([
  ['Now until', html`<strong>${after.end} ${after.endZone}</strong>`],
  ['Was until', html`${before.end} ${before.endZone}<br>${muted(`Local time at the facility (${after.timeZone})`)}`],
  ['Extra', paid],
])}
${button(data.bookingUrl, 'See the booking')}`;
  return rendered(subject, text, body);
}

/** Sent when the plate of a booking changes: the gate reads the new one. */
export function vehicleChangeEmail(data: VehicleChangeData): RenderedEmail {
  const window = formatWindow(data.start, data.end, data.facility.timeZone);
  const subject = singleLine(`Vehicle changed: ${data.bookingCode} is now for ${data.vehiclePlate}`);
  const text = [
    `Hello ${data.driverName},`,
    '',
    `your booking ${data.bookingCode} at ${data.facility.name} is now for the vehicle ${data.vehiclePlate} (was ${data.previousPlate}).`,
    '',
    `When:    ${window.start} ${window.startZone} to ${window.end} ${window.endZone}`,
    `         (local time at the facility, ${window.timeZone})`,
    '',
    `If you did not make this change, check the booking: ${data.bookingUrl}`,
    '',
    'AIParksit',
  ];
  const body = html`<h1 style="font-size:20px;margin:0 0 12px;">Your booking's vehicle changed</h1>
<p>Hello ${data.driverName}, your booking <strong>${data.bookingCode}</strong> at <strong>${data.facility.name}</strong> is now for another vehicle.</p>
${table([
  ['Vehicle', html`<strong>${data.vehiclePlate}</strong>`],
  ['Was', data.previousPlate],
  ['When', html`${window.start} ${window.startZone} to ${window.end} ${window.endZone}<br>${muted(`Local time at the facility (${window.timeZone})`)}`],
])}
<p>If you did not make this change, check the booking.</p>
${button(data.bookingUrl, 'See the booking')}`;
  return rendered(subject, text, body);
}

/** Sent when a space freed for a driver on a waitlist: it is held for them until the hold lapses. */
export function waitlistOfferEmail(data: WaitlistOfferData): RenderedEmail {
  const window = formatWindow(data.start, data.end, data.facility.timeZone);
  const until = formatWindow(data.holdExpiresAt, data.holdExpiresAt, data.facility.timeZone);
  const price = formatMoney(data.amountCents, data.currency);
  const subject = singleLine(`A space freed up at ${data.facility.name}: held for you until ${until.start.slice(-5)}`);
  const lapse = `Pay by ${until.start} ${until.startZone} to keep it; after that it goes to the next driver in line.`;
  const text = [
    `Hello ${data.driverName},`,
    '',
    `a space freed up at ${data.facility.name} for the stay you were waiting for, and we are holding it for you (booking ${data.bookingCode}).`,
    '',
    `When:   ${window.start} ${window.startZone} to ${window.end} ${window.endZone}`,
    `        (local time at the facility, ${window.timeZone})`,
    `Price:  ${price}`,
    '',
    lapse,
    '',
    `Pay now: ${data.payUrl}`,
    `See the booking: ${data.bookingUrl}`,
    '',
    'AIParksit',
  ];
  const body = html`<h1 style="font-size:20px;margin:0 0 12px;">A space freed up for you</h1>
<p>Hello ${data.driverName}, a space freed up at <strong>${data.facility.name}</strong> for the stay you were waiting for. We are holding it for you as booking <strong>${data.bookingCode}</strong>.</p>
${table([
  ['When', html`${window.start} ${window.startZone} to ${window.end} ${window.endZone}<br>${muted(`Local time at the facility (${window.timeZone})`)}`],
  ['Price', html`<strong>${price}</strong>`],
])}
<p><strong>${lapse}</strong></p>
${button(data.payUrl, 'Pay and keep the space')}`;
  return rendered(subject, text, body);
}
