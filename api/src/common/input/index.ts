/** What every request's input must be before validation sees it: JSON of bounded depth, text without NUL bytes or lone surrogates. */
export { depthLimitedJsonParser } from './json-body-parser.js';
export { rejectUnsafeText } from './unsafe-text.hook.js';
export { InputException } from './input.exception.js';
