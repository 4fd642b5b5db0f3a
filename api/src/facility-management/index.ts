/** Facility management: the operator's writes (facilities, rates, spaces, blackouts) and bookings list. */
export { FacilityManagementModule } from './facility-management.module.js';
export { FacilityManagementService } from './facility-management.service.js';
export { FacilityManagementException, type FacilityManagementErrorCode } from './facility-management.exception.js';
