import type { BookingStatus, MailboxMessage, SpaceType } from '@aiparksit/shared';

/** Who an email goes to. */
export interface RecipientRecord {
  id: string;
  email: string;
  name: string;
}

/** Enough of a booking to decide whether a confirmation may be sent for it. */
export interface BookingOwnershipRecord {
  id: string;
  driverId: string;
  status: BookingStatus;
}

/** Everything the confirmation email shows: bookings ⋈ users ⋈ facilities ⋈ the successful payment. */
export interface BookingConfirmationRecord {
  id: string;
  code: string;
  status: BookingStatus;
  start: Date;
  end: Date;
  spaceType: SpaceType;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  driverEmail: string;
  driverName: string;
  facilityName: string;
  addressLine: string;
  postalCode: string;
  city: string;
  countryCode: string;
  timeZone: string;
  cardBrand: string | null;
  cardLast4: string | null;
}

export interface MailboxRecord {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: Date;
}

export interface NewMailboxMessage {
  outboxId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export function toMailboxMessage(record: MailboxRecord): MailboxMessage {
  return { id: record.id, to: record.to, subject: record.subject, text: record.text, html: record.html, sentAt: record.sentAt.toISOString(), attachments: [] };
}
