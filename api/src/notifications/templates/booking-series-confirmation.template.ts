import { formatMoney, formatWindow } from './formatting.js';
import { emailLayout, html, singleLine } from './html.js';
import type { RenderedEmail } from './rendered-email.js';

export interface BookingSeriesConfirmationData {
  driverName: string;
  facility: { name: string; addressLine: string; city: string; timeZone: string };
  spaceType: string;
  vehiclePlate: string;
  /** Each paid occurrence, earliest first: the code shown at the gate and its window. */
  occurrences: { code: string; start: Date; end: Date; amountCents: number }[];
  /** Occurrences of the pattern that were not booked, with why. */
  skipped: { start: Date; end: Date; message: string }[];
  amountCents: number;
  currency: string;
  paidWith: string | null;
  /** The series page in the SPA, where each occurrence's QR code is. */
  seriesUrl: string;
}

/** One email for a paid weekly series: every occurrence with its code, in the facility's local time, and the one charge. */
export function bookingSeriesConfirmationEmail(data: BookingSeriesConfirmationData): RenderedEmail {
  const zone = data.facility.timeZone;
  const line = (o: { start: Date; end: Date }) => {
    const window = formatWindow(o.start, o.end, zone);
    return `${window.start} – ${window.end.slice(-5)} ${window.startZone}`;
  };
  const total = formatMoney(data.amountCents, data.currency);
  const subject = singleLine(`Booked: ${data.occurrences.length} stays at ${data.facility.name}, ${total} paid`);
  const text = [
    `Hello ${data.driverName},`,
    '',
    `your weekly booking at ${data.facility.name} (${data.facility.addressLine}, ${data.facility.city}) is paid.`,
    `Space type: ${data.spaceType}. Vehicle: ${data.vehiclePlate}. Times are local at the facility (${zone}).`,
    '',
    ...data.occurrences.map((o) => `${o.code}  ${line(o)}  ${formatMoney(o.amountCents, data.currency)}`),
    '',
    ...(data.skipped.length ? ['Not booked:', ...data.skipped.map((s) => `  ${line(s)}: ${s.message}`), ''] : []),
    `Paid:   ${total}${data.paidWith ? ` with ${data.paidWith}` : ''}, one charge for all of them.`,
    '',
    'Each stay has its own code and QR code, and can be cancelled on its own by the usual terms.',
    `See them: ${data.seriesUrl}`,
    '',
    'AIParksit',
  ];
  const cell = 'padding:4px 12px 4px 0;vertical-align:top;';
  const body = html`<h1 style="font-size:20px;margin:0 0 12px;">Your weekly booking is paid</h1>
<p>Hello ${data.driverName}, your weekly booking at <strong>${data.facility.name}</strong> (${data.facility.addressLine}, ${data.facility.city}) is paid: ${data.occurrences.length} stays, ${data.spaceType} space, vehicle ${data.vehiclePlate}.</p>
<table role="presentation" style="border-collapse:collapse;margin:16px 0;font-size:15px;">
${data.occurrences.map((o) => html`<tr><td style="${cell}font-family:monospace;">${o.code}</td><td style="${cell}">${line(o)}</td><td style="${cell}text-align:right;">${formatMoney(o.amountCents, data.currency)}</td></tr>`)}
</table>
<p style="color:#52606d;font-size:13px;">Local time at the facility (${zone}).</p>
${data.skipped.length ? html`<p>Not booked:</p><ul>${data.skipped.map((s) => html`<li>${line(s)}: ${s.message}</li>`)}</ul>` : ''}
<p><strong>Paid ${total}</strong>${data.paidWith ? ` with ${data.paidWith}` : ''}, one charge for all of them.</p>
<p>Each stay has its own code and QR code, and can be cancelled on its own by the usual terms.</p>
<p><a href="${data.seriesUrl}" style="display:inline-block;background:#0b6bcb;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;">See your stays</a></p>`;
  return { subject, text: text.join('\n'), html: emailLayout(subject, body), inlineImages: [], attachments: [] };
}
