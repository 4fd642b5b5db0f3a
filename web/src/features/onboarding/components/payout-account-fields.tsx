import type { PayoutAccountInput } from '@aiparksit/shared';
import { FormField } from '../../../components/form-field';
import type { FieldMessages } from '../../../lib/api-error';

type PayoutKind = PayoutAccountInput['kind'];

/** The payout account's inputs, for the onboarding step and for a change after approval. */
export function PayoutAccountFields({
  kind,
  onKind,
  holderName,
  fields,
}: {
  kind: PayoutKind;
  onKind: (kind: PayoutKind) => void;
  holderName?: string;
  fields: FieldMessages;
}) {
  return (
    <>
      <fieldset className="field choice-group">
        <legend>Account kind</legend>
        <label className="choice">
          <input type="radio" name="kind" value="iban" checked={kind === 'iban'} onChange={() => onKind('iban')} /> IBAN (SEPA)
        </label>
        <label className="choice">
          <input type="radio" name="kind" value="us_ach" checked={kind === 'us_ach'} onChange={() => onKind('us_ach')} /> US bank account (routing and account
          number)
        </label>
      </fieldset>
      <FormField label="Account holder" name="holderName" defaultValue={holderName} errors={fields['holderName']} required minLength={2} maxLength={140} />
      {kind === 'iban' ? (
        <FormField label="IBAN" name="iban" errors={fields['iban']} autoComplete="off" spellCheck={false} required />
      ) : (
        <>
          <FormField label="Routing number" name="routingNumber" inputMode="numeric" errors={fields['routingNumber']} autoComplete="off" required />
          <FormField label="Account number" name="accountNumber" inputMode="numeric" errors={fields['accountNumber']} autoComplete="off" required />
        </>
      )}
      <p className="field__hint">Only the last four digits are kept; the full number goes no further than the check.</p>
    </>
  );
}

export function readPayoutAccount(form: FormData, kind: PayoutKind): PayoutAccountInput {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return kind === 'iban'
    ? { kind, holderName: text('holderName'), iban: text('iban') }
    : { kind, holderName: text('holderName'), routingNumber: text('routingNumber'), accountNumber: text('accountNumber') };
}
