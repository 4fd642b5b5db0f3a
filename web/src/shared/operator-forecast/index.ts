/** A car park's occupancy forecast for its operator: the occupancy page's band and the dashboard's outlook. */
export { getOperatorForecast, operatorForecastKeys, operatorForecastOptions, useOperatorForecast } from './operator-forecast';
export { forecastDayLabel, formatSpaces } from './forecast-format';
export { ForecastTypePicker } from './forecast-type-picker';
