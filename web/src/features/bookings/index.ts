export { MyBookingsPage } from './components/my-bookings-page';
export { BookingDetailPage, ConfirmationPage } from './components/booking-detail-page';
