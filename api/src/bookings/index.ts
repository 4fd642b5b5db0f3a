/** Bookings: holds, confirmation through payments, cancellation, extension, the lifecycle job. */
export { BookingsModule } from './bookings.module.js';
export { BookingsService, type PlannedOccurrence, type SeriesPlan, type SeriesStay } from './bookings.service.js';
export { BookingsException, type BookingsErrorCode } from './bookings.exception.js';
export { BookingLifecycleJob } from './booking-lifecycle.job.js';
export { normalizeVehiclePlate } from './vehicle-plate.js';
export { BookingViewDto } from './dto/booking-view.dto.js';
