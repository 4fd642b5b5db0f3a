export {
  managedFacilityKeys,
  listManagedFacilities,
  getManagedFacility,
  managedFacilitiesOptions,
  managedFacilityOptions,
  useManagedFacilities,
  useManagedFacility,
} from './managed-facilities';
