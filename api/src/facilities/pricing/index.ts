export { quoteForWindow } from './quote.js';
