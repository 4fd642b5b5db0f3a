// Occupancy forecasting as pure functions: no Nest, no database. The nightly job and the API read
// the rollups and opening hours, and hand this module plain series.
export { closedHours, type ClosedHoursInput, type ClosedPeriod } from './closed-hours.js';
export { ForecastErrorTally, meanAbsoluteError, meanAbsolutePercentageError } from './forecast-accuracy.js';
export { hourlyOccupancyFromDailyRollups, type DailyOccupancyRollup, type HourlyOccupancy } from './hourly-occupancy.js';
export { HOUR_MS, HOURS_PER_WEEK, localWeekSlots, weekSlotOfLocalHour } from './local-week.js';
export {
  DEFAULT_OCCUPANCY_MODEL_OPTIONS,
  fitOccupancyModel,
  forecastOccupancy,
  typicalWeek,
  type OccupancyForecast,
  type OccupancyModel,
  type OccupancyModelInput,
  type OccupancyModelOptions,
} from './occupancy-model.js';
export { seasonalNaiveForecast } from './seasonal-naive.js';
