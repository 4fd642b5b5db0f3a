import { FEW_SPACES_AT_MOST, type AvailabilityLevel, type DataFidelity, type SpaceType, type SpaceTypeAvailability } from '@aiparksit/shared';
import type { Principal } from '../access/index.js';

/** Signed-in users and API keys see exact counts; anonymous browsers a coarse level. */
export function fidelityFor(principal: Principal | undefined): DataFidelity {
  return principal ? 'full' : 'coarse';
}

export function availabilityLevel(available: number): AvailabilityLevel {
  if (available <= 0) return 'none';
  return available <= FEW_SPACES_AT_MOST ? 'few' : 'many';
}

/** Free spaces of a type as the caller may see them. */
export function availabilityView(spaceType: SpaceType, capacity: number, busy: number, fidelity: DataFidelity): SpaceTypeAvailability {
  const available = Math.max(0, capacity - busy);
  const exact = fidelity === 'full';
  return { spaceType, level: availabilityLevel(available), available: exact ? available : null, capacity: exact ? capacity : null };
}
