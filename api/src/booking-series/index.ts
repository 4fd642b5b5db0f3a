/** Recurring bookings: a weekly pattern booked as ordinary bookings, held together and paid with one charge. */
export { BookingSeriesModule } from './booking-series.module.js';
