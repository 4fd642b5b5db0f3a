export { MarketplacePage } from './components/marketplace-page';
export { MarketplaceLandingPage } from './components/landing-page';
export { marketplaceKeys } from './api/search-marketplace';
