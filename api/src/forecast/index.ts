// Occupancy forecasting: the model as pure functions (no Nest, no database: closed-hours,
// hourly-occupancy, local-week, occupancy-model, facility-fit, forecast-reading), and the Nest
// module that fits it nightly (per facility from the rollups, per space type from bookings),
// stores it, and serves forecasts.
export { closedHours, type ClosedHoursInput, type ClosedPeriod } from './closed-hours.js';
export { ForecastErrorTally, meanAbsoluteError, meanAbsolutePercentageError } from './forecast-accuracy.js';
export {
  hourlyOccupancyFromDailyRollups,
  hourlyOccupancyFromHourSums,
  type BookedHourSums,
  type DailyOccupancyRollup,
  type HourlyOccupancy,
} from './hourly-occupancy.js';
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
export { fitFacility, fitSeries, historyStartMs, type FacilityHistory, type FittedFacility, type SeriesHistory } from './facility-fit.js';
export { FORECAST_HORIZON_DAYS, expectedOccupancy, forecastLevel, isExpectedFull, usuallyFullBy } from './forecast-reading.js';
export { ForecastModule } from './forecast.module.js';
export { ForecastService, type ExpectedHours } from './forecast.service.js';
export { ForecastFitService, type ForecastFitRun } from './forecast-fit.service.js';
export { ForecastException, type ForecastErrorCode } from './forecast.exception.js';
