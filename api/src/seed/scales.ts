/** How much data each `--scale` makes. `small` is the demo `npm start` loads; `large` is for benchmarks. */
export type ScaleName = 'small' | 'large';

export interface SeedScale {
  name: ScaleName;
  drivers: number;
  /** Investors besides the demo investor. */
  extraInvestors: number;
  /** Approved operators besides the demo operator: the named ones first, then invented ones. */
  extraOperators: number;
  facilities: number;
  demoOperatorFacilities: number;
  canaryFacilities: number;
  spacesPerFacility: readonly [min: number, max: number];
  /** About how many bookings in all; they spread over the spaces in proportion to demand while each exists. */
  bookings: number;
  /** Operators that applied and wait for review, and operators that were turned down. */
  submittedOperators: number;
  rejectedOperators: number;
  /** Approved lately, not yet listing anything: the step of the onboarding funnel before the first facility. */
  approvedWithoutFacilities: number;
  /** Share of bookings made by the demo driver, so that account has a history worth showing. */
  demoDriverShare: number;
  /** Whole months of history before the anchor's month. */
  historyMonths: number;
  futureDays: number;
}

export const SCALES: Record<ScaleName, SeedScale> = {
  small: {
    name: 'small',
    drivers: 700,
    extraInvestors: 2,
    extraOperators: 9,
    facilities: 60,
    demoOperatorFacilities: 8,
    canaryFacilities: 3,
    spacesPerFacility: [20, 90],
    bookings: 30_000,
    submittedOperators: 3,
    rejectedOperators: 2,
    approvedWithoutFacilities: 1,
    demoDriverShare: 0.004,
    historyMonths: 18,
    futureDays: 45,
  },
  // 10,000 facilities x 50 spaces, and about five million bookings over 18 months and 60 days ahead.
  large: {
    name: 'large',
    drivers: 60_000,
    extraInvestors: 5,
    extraOperators: 250,
    facilities: 10_000,
    demoOperatorFacilities: 20,
    canaryFacilities: 3,
    spacesPerFacility: [50, 50],
    bookings: 5_000_000,
    submittedOperators: 12,
    rejectedOperators: 15,
    approvedWithoutFacilities: 8,
    demoDriverShare: 0.00002,
    historyMonths: 18,
    futureDays: 60,
  },
};
