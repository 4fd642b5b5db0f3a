/** A driver's booking as more than one feature shows it: its query, its status badge, its summary. */
export { bookingKeys } from './booking-keys';
export { getBooking, bookingOptions, useBooking } from './get-booking';
export { BOOKING_STATUS_LABELS, BookingStatusBadge } from './booking-status';
export { BookingSummary, WithBooking } from './booking-summary';
