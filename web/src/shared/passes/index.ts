/** Monthly passes: the offer on a car park's page, the operator's settings and sales; the driver's list is features/passes. */
export { passKeys, passesOptions, useCancelPass, usePassOffers, usePasses } from './passes-api';
export { monthName, passesLeftText } from './pass-months';
export { MY_PASSES_PATH, MonthlyPassPanel } from './monthly-pass-panel';
export { OperatorPassesPanel } from './operator-passes-panel';
