export { RevenueChart } from './components/revenue-chart';
export { OccupancyChart, OccupancyHeatmap } from './components/occupancy-chart';
export { RevenuePage } from './components/revenue-page';
export { RecentTrends } from './components/recent-trends';
export { OccupancyPage } from './components/occupancy-page';
export { analyticsKeys, useOccupancy, useRevenue } from './api/analytics';
