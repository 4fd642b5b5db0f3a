import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@aiparksit/shared';
import { FormField } from './form-field';

/**
 * Where a person chooses a password (registration, an invitation, a reset, a change): the same
 * rules as the API's, checked before sending, and the same advice.
 */
export function NewPasswordField({ label, name, errors }: { label: string; name: string; errors: string[] | undefined }) {
  return (
    <FormField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
      hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password. A short sentence is easy to remember.`}
      errors={errors}
    />
  );
}
