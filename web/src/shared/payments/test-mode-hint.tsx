import { SANDBOX_TEST_CARDS } from '@aiparksit/shared';
import { groupCardNumber } from './card-input';

const OUTCOMES: Record<keyof typeof SANDBOX_TEST_CARDS, string> = {
  succeeds: 'Visa, payment succeeds',
  succeedsMastercard: 'Mastercard, payment succeeds',
  declined: 'Declined by the bank',
  insufficientFunds: 'Declined: insufficient funds',
  processingError: 'Fails: processing error',
};

/** The sandbox takes no real money: say so plainly, and list the numbers that it answers to. */
export function TestModeHint() {
  return (
    <aside className="test-mode" aria-labelledby="test-mode-heading">
      <p id="test-mode-heading" className="test-mode__title">
        <span className="badge badge--test">TEST MODE</span> No real card is charged.
      </p>
      <p>Use any future expiry date and any 3-digit CVC with one of these card numbers:</p>
      <ul className="test-mode__cards">
        {(Object.keys(SANDBOX_TEST_CARDS) as (keyof typeof SANDBOX_TEST_CARDS)[]).map((name) => (
          <li key={name}>
            <code>{groupCardNumber(SANDBOX_TEST_CARDS[name])}</code> — {OUTCOMES[name]}
          </li>
        ))}
      </ul>
    </aside>
  );
}
