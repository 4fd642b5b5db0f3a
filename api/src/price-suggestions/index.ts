// Price suggestions for operators: the rules as pure functions (suggestion-rules.ts, also run by
// `npm run bench:forecast`), and the Nest module that serves, records and applies them.
export {
  HISTORY_WEEKS,
  PRICE_ELASTICITY_OF_DEMAND,
  elasticityAssumption,
  occupancyAfterPriceChange,
  suggestPrices,
  type SuggestionInput,
  type SuggestionOutcome,
} from './suggestion-rules.js';
export { PriceSuggestionsModule } from './price-suggestions.module.js';
