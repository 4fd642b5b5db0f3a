import type { BookingStatus } from '@aiparksit/shared';

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  pending_payment: 'Awaiting payment',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  completed: 'Completed',
};

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return <span className={`badge badge--${status}`}>{BOOKING_STATUS_LABELS[status]}</span>;
}
