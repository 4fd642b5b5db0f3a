export { FacilityPage } from './components/facility-page';
export { useLiveAvailability, applyAvailabilityChange } from './api/live-availability';
