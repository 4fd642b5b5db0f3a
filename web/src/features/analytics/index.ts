export { RevenueChart } from './components/revenue-chart';
export { OccupancyChart, OccupancyHeatmap } from './components/occupancy-chart';
export { analyticsKeys, lastDays, useOccupancy, useRevenue } from './api/analytics';
