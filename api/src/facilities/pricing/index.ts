export { PriceOutOfRangeError } from './money.js';
export { largestQuoteCents, quoteForWindow, ruleFieldsOnly } from './quote.js';
