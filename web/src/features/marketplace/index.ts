export { MarketplacePage } from './components/marketplace-page';
export { marketplaceKeys } from './api/search-marketplace';
