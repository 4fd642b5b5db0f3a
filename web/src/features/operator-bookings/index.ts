export { OperatorBookingsPage } from './components/operator-bookings-page';
export { operatorBookingKeys } from './api/operator-bookings';
