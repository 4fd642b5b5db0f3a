export { InvestorOverviewPage } from './components/overview-page';
export { InvestorRevenuePage } from './components/revenue-page';
export { InvestorGrowthPage } from './components/growth-page';
export { InvestorMarketPage } from './components/market-page';
export { investorKeys } from './api/metrics';
