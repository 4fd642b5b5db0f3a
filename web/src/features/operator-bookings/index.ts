export { OperatorBookingsPage } from './components/operator-bookings-page';
export { OperatorBookingPage } from './components/operator-booking-page';
export { operatorBookingKeys } from './api/operator-bookings';
