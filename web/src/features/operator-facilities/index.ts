export { FacilitiesPage } from './components/facilities-page';
export { NewFacilityPage } from './components/facility-form-page';
export { FacilityDetailPage } from './components/facility-detail-page';
export { FacilityEditPage } from './components/facility-edit-page';
