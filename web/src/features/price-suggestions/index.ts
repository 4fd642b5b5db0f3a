export { PriceSuggestionsPage } from './components/price-suggestions-page';
