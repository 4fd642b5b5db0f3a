/** Paying with a card, as more than one feature asks for it: the card form, the sandbox hint, the hold's countdown. */
export { CardForm } from './card-form';
export { HoldCountdown } from './hold-countdown';
export { TestModeHint } from './test-mode-hint';
