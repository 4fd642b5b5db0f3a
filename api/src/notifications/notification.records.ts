import type { BookingStatus, MailboxAttachment, MailboxMessage, OpeningHours, SpaceType } from '@aiparksit/shared';
import type { EmailAttachment } from './templates/rendered-email.js';

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
  /** While `pending_payment`: when the hold lapses. */
  holdExpiresAt: Date | null;
  /** `YYYY-MM` when the booking holds a monthly pass's space. */
  passMonth: string | null;
  openingHours: OpeningHours;
}

/** Who may receive an investor report: an active investor or admin account, checked when it is sent. */
export interface ReportRecipientRecord extends RecipientRecord {
  role: string;
  disabled: boolean;
}

export interface MailboxRecord {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: Date;
  attachments: MailboxAttachment[];
}

export interface NewMailboxMessage {
  outboxId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: EmailAttachment[];
}

/** One attachment with its bytes, for download. */
export interface MailboxAttachmentFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export function toMailboxMessage(record: MailboxRecord): MailboxMessage {
  return {
    id: record.id,
    to: record.to,
    subject: record.subject,
    text: record.text,
    html: record.html,
    sentAt: record.sentAt.toISOString(),
    attachments: record.attachments,
  };
}

/** A successful payment of a booking with its card and what of it was refunded. */
export interface BookingPaymentRecord {
  id: string;
  extensionId: string | null;
  amountCents: number;
  refundedCents: number;
  cardBrand: string | null;
  cardLast4: string | null;
}

/** An extension as its notice shows it. */
export interface BookingExtensionRecord {
  id: string;
  previousEnd: Date;
  newEnd: Date;
  amountCents: number;
  currency: string;
  status: string;
}

/** A paid weekly series as its confirmation email shows it: the driver, the facility, each paid occurrence. */
export interface BookingSeriesConfirmationRecord {
  id: string;
  driverEmail: string;
  driverName: string;
  facilityName: string;
  addressLine: string;
  city: string;
  timeZone: string;
  spaceType: string;
  vehiclePlate: string;
  currency: string;
  skipped: { start: string; end: string; message: string }[];
  /** Confirmed (or since completed) occurrences, earliest first, with the card of their payment. */
  occurrences: { code: string; start: string; end: string; amountCents: number; cardBrand: string | null; cardLast4: string | null }[];
}
