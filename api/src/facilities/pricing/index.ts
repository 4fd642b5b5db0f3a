export { PriceOutOfRangeError } from './money.js';
export { largestQuoteCents, quoteForWindow, quoteOrNull, ruleFieldsOnly } from './quote.js';
