import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CardInput } from '@aiparksit/shared';
import { FormAlert } from '../../components/form-alert';
import { FormField } from '../../components/form-field';
import { ApiError, describeError } from '../../lib/api-error';
import { groupCardNumber, toCardInput, declineMessage } from './card-input';

/**
 * Card number, expiry, CVC and name. The server judges the card (a decline is a 402 with its
 * reason); its field messages show under the fields and a decline above the form.
 */
export function CardForm({ amountLabel, pending, error, onPay }: { amountLabel: string; pending: boolean; error: unknown; onPay: (card: CardInput) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [number, setNumber] = useState('');
  const fields = error instanceof ApiError ? error.fieldMessages : {};
  const decline = declineMessage(error);
  const message = !error ? null : (decline ?? (Object.keys(fields).length ? 'Please check the highlighted card details.' : describeError(error)));

  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onPay(
      toCardInput({
        number,
        expiry: String(form.get('expiry') ?? ''),
        cvc: String(form.get('cvc') ?? ''),
        holderName: String(form.get('holderName') ?? ''),
      }),
    );
  }

  const expiryErrors = [...(fields['card.expMonth'] ?? []), ...(fields['card.expYear'] ?? [])];
  return (
    <form ref={formRef} className="form card-form" onSubmit={submit} noValidate aria-label="Card payment">
      <FormAlert message={message} />
      <FormField
        label="Card number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        value={number}
        onChange={(e) => setNumber(groupCardNumber(e.target.value))}
        errors={fields['card.number'] ?? fields['card']}
      />
      <div className="card-form__row">
        <FormField
          label="Expiry (MM/YY)"
          name="expiry"
          autoComplete="cc-exp"
          inputMode="numeric"
          placeholder="MM/YY"
          errors={expiryErrors.length ? expiryErrors : undefined}
        />
        <FormField label="CVC" name="cvc" autoComplete="cc-csc" inputMode="numeric" maxLength={4} errors={fields['card.cvc']} />
      </div>
      <FormField label="Name on card" name="holderName" autoComplete="cc-name" errors={fields['card.holderName']} />
      <button type="submit" className="button button--primary button--block" disabled={pending}>
        {pending ? 'Paying…' : `Pay ${amountLabel}`}
      </button>
    </form>
  );
}
