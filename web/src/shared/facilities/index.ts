/** A public car park's details, read by the facility page and by checkout. */
export { getFacility, facilityKeys, facilityOptions, useFacility } from './get-facility';
/** Where else to park when a car park is full for a window: on its page and after a refused booking. */
export { ALTERNATIVES_RADIUS_METERS, alternativesOfRefusal, checkoutPath, facilityPagePath, priceDifferenceText } from './alternatives';
export { AlternativesPanel } from './alternatives-panel';
/** The stay a checkout link carries, with its car park loaded: checkout and its weekly repeat. */
export { WithStayOfSearch, type StayOfSearch } from './stay-of-search';
