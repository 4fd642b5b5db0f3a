/** A public car park's details, read by the facility page and by checkout. */
export { getFacility, facilityKeys, facilityOptions, useFacility } from './get-facility';
