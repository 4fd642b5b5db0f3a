export { SeriesCheckoutPage } from './components/series-checkout-page';
export { SeriesPage } from './components/series-page';
