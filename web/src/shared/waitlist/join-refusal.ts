import { ApiError, describeError, type FieldMessages } from '../../lib/api-error';

/**
 * Why joining a waitlist was refused, as the offer to join answers it:
 * - `already_waiting`: this driver is in this line for this stay already (the entry is shown);
 * - `space_available`: a space freed for the stay meanwhile, so it is to be booked, not waited for;
 * - `email_not_verified`: the address must be confirmed first (a new link can be sent);
 * - `invalid`: the request itself (the plate beside its field, the stay's problems listed);
 * - `other`: anything else, as a sentence (the car park closed then, a blackout, the network).
 */
export type JoinRefusal =
  | { kind: 'already_waiting'; entryId: string | null }
  | { kind: 'space_available' }
  | { kind: 'email_not_verified'; message: string }
  | { kind: 'invalid'; message: string; fields: FieldMessages; problems: string[] }
  | { kind: 'other'; message: string };

export function joinRefusalOf(error: unknown): JoinRefusal | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return { kind: 'other', message: describeError(error) };
  const details = error.envelope?.details ?? {};
  const code = details['code'];
  if (error.status === 409 && code === 'already_waiting') {
    const entryId = details['entryId'];
    return { kind: 'already_waiting', entryId: typeof entryId === 'string' ? entryId : null };
  }
  if (error.status === 409 && code === 'space_available') return { kind: 'space_available' };
  // The API's sentence speaks of booking and of the account page; the button for a new link is right here.
  if (error.status === 403 && code === 'email_not_verified')
    return {
      kind: 'email_not_verified',
      message: 'Confirm your email address before joining the waitlist: open the link in the email we sent you, or ask for a new one.',
    };
  const fields = error.fieldMessages;
  const violations = Array.isArray(details['violations']) ? (details['violations'] as { message?: unknown }[]) : [];
  const problems = violations.map((violation) => String(violation.message ?? '')).filter(Boolean);
  if (error.status < 500 && (Object.keys(fields).length > 0 || problems.length > 1)) {
    const onlyPlate = Object.keys(fields).length === 1 && fields['vehiclePlate'] !== undefined && problems.length === 0;
    return {
      kind: 'invalid',
      message: onlyPlate ? 'Please correct the plate.' : describeError(error),
      fields,
      // Every problem of the stay when there are several, as checkout lists them.
      problems: [
        ...Object.entries(fields)
          .filter(([field]) => field !== 'vehiclePlate')
          .flatMap(([, messages]) => messages ?? []),
        ...(problems.length > 1 ? problems : []),
      ],
    };
  }
  return { kind: 'other', message: describeError(error) };
}
