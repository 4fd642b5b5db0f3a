import type { BookingStatus } from '@aiparksit/shared';

const LABELS: Record<BookingStatus, string> = {
  pending_payment: 'Awaiting payment',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  completed: 'Completed',
};

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return <span className={`badge badge--${status}`}>{LABELS[status]}</span>;
}
