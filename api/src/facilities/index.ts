/** The facilities module's public surface: the catalogue, search, availability, and the pure pricing. */
export { FacilitiesModule } from './facilities.module.js';
export { FacilitiesService } from './facilities.service.js';
export { AlternativesService } from './alternatives.service.js';
export { FacilitiesException, type FacilitiesErrorCode } from './facilities.exception.js';
export { availabilityLevel, fidelityFor } from './fidelity.js';
export { parseWindow } from './search-window.js';
export { quoteForWindow, quoteOrNull } from './pricing/index.js';
export { isWithinOpeningHours, openIntervalsOn, validateBookingWindow, type TimeWindow, type BookingWindowRules } from './opening-hours/index.js';
export { spaceBlackedOut } from './blackout-sql.js';
export { busySpacesSql, capacitySql, freeSpacesSql } from './availability-sql.js';
export { FACILITY_SUMMARY_COLUMNS, LISTED, toFacilitySummary, type FacilitySummaryRow } from './facility-rows.js';
export { FacilitySummaryDto, RateViewDto, SpaceCountDto } from './dto/facility-views.dto.js';
