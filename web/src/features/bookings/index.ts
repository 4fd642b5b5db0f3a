export { MyBookingsPage } from './components/my-bookings-page';
export { BookingDetailPage, ConfirmationPage, WithBooking, BookingSummary } from './components/booking-detail-page';
export { bookingKeys } from './api/bookings-keys';
export { bookingOptions, useBooking } from './api/get-booking';
export { BOOKING_STATUS_LABELS, BookingStatusBadge } from './components/booking-status';
