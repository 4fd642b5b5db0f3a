import { Foundation1795500000000 } from './1795500000000-foundation.js';
import { BookingOccupancy1795500100000 } from './1795500100000-booking-occupancy.js';
import { BookingExtensions1795500400000 } from './1795500400000-booking-extensions.js';
import { OperatorOnboarding1795500800000 } from './1795500800000-operator-onboarding.js';
import { AnalyticsRollups1795500810000 } from './1795500810000-analytics-rollups.js';

/** Every migration, in order. Listed by hand so the build and the runner never disagree. */
export const migrations = [
  Foundation1795500000000,
  BookingOccupancy1795500100000,
  BookingExtensions1795500400000,
  OperatorOnboarding1795500800000,
  AnalyticsRollups1795500810000,
];
