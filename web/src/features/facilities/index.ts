export { FacilityPage } from './components/facility-page';
export { facilityOptions, useFacility, facilityKeys } from './api/get-facility';
export { useLiveAvailability, applyAvailabilityChange } from './api/live-availability';
