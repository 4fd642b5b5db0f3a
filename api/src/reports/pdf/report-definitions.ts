/**
 * Definitions of the figures a report shows beyond the overview's (those are the contract's
 * `METRIC_DEFINITIONS`). Worded from the metrics contract, so the footnotes say what the API computes.
 */
export const REPORT_DEFINITIONS = {
  fees: { label: 'Platform fees', definition: 'Platform fees charged on payments in the period, before refunds.' },
  refunds: { label: 'Refunds', definition: 'Amounts refunded to drivers in the period (shown negative).' },
  operatorPayouts: { label: 'Operator payouts', definition: 'What operators keep: gross booking value plus refunds minus net platform revenue.' },
  revenueSlices: {
    label: 'Revenue by slice',
    definition:
      'Revenue split by the facility’s country, city, currency and space type; top facilities and operators are the ten with the largest gross booking value.',
  },
  signups: { label: 'Sign-ups', definition: 'Accounts created in each bucket, by role, on the days of the reporting time zone.' },
  returningDrivers: {
    label: 'New and returning drivers',
    definition: 'Active drivers whose first paid booking fell in the bucket (new) or earlier (returning).',
  },
  cohorts: {
    label: 'Cohort retention',
    definition:
      'Drivers grouped by the month of their first paid booking; month k is the share of the cohort with a paid booking k months later (month 0 is always 100%).',
  },
  funnel: {
    label: 'Operator funnel',
    definition:
      'Operators who applied in the period and how many reached each later step, with the conversion from the step before and the median days between steps.',
  },
  supply: { label: 'Supply', definition: 'Published facilities and their active spaces at the end of each bucket.' },
  cityOccupancy: { label: 'City occupancy', definition: 'Booked space-time as a share of the space-time the city’s listed spaces were open.' },
  cityGrowth: {
    label: 'City growth and rank',
    definition: 'Change of the city’s gross booking value against the comparison period; rank 1 grows fastest, cities without comparison revenue come last.',
  },
  cityPrices: {
    label: 'Prices per hour',
    definition: 'Hourly list prices of the city’s rates in the city’s own currency: average, median, and the 10th and 90th percentiles (the price spread).',
  },
  cityRevPash: { label: 'City RevPASH', definition: 'The city’s gross booking value divided by the space-hours its listed spaces were open.' },
  operatorShares: {
    label: 'Operator shares',
    definition: 'Each operator’s part of the city’s gross booking value (the five largest, then the others together).',
  },
  demandHeatmap: {
    label: 'Demand by weekday and hour',
    definition: 'Booked space-hours by local weekday and hour over the period, and each cell as a share of the busiest one.',
  },
} as const satisfies Record<string, { label: string; definition: string }>;
