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
  bookingsPerSpace: readonly [min: number, max: number];
  /** Share of bookings made by the demo driver, so that account has a history worth showing. */
  demoDriverShare: number;
  pastDays: number;
  futureDays: number;
}

export const SCALES: Record<ScaleName, SeedScale> = {
  small: {
    name: 'small',
    drivers: 240,
    extraInvestors: 2,
    extraOperators: 7,
    facilities: 60,
    demoOperatorFacilities: 8,
    canaryFacilities: 3,
    spacesPerFacility: [20, 90],
    bookingsPerSpace: [2, 8],
    demoDriverShare: 0.004,
    pastDays: 90,
    futureDays: 45,
  },
  // Exactly 10,000 facilities x 50 spaces x 10 bookings (minus the canaries, which nobody books).
  large: {
    name: 'large',
    drivers: 50_000,
    extraInvestors: 5,
    extraOperators: 250,
    facilities: 10_000,
    demoOperatorFacilities: 20,
    canaryFacilities: 3,
    spacesPerFacility: [50, 50],
    bookingsPerSpace: [10, 10],
    demoDriverShare: 0.00002,
    pastDays: 120,
    futureDays: 60,
  },
};
