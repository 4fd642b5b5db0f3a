import type { AccountState } from '@aiparksit/shared';

/** What decides an account's state, as the list reads it from `users`. */
export interface AccountStateFacts {
  disabledAt: Date | null;
  hasPassword: boolean;
  emailVerifiedAt: Date | null;
}

/**
 * One state per account, the first that applies: disabled (whatever else is true), invited (an
 * admin made it and nobody has chosen a password yet), unverified (self-registered, address not
 * confirmed), else active. `ACCOUNT_STATE_SQL` says the same in SQL for the list's filter.
 */
export function accountStateOf(facts: AccountStateFacts): AccountState {
  if (facts.disabledAt) return 'disabled';
  if (!facts.hasPassword) return 'invited';
  if (!facts.emailVerifiedAt) return 'unverified';
  return 'active';
}

/** The predicate of each state over `users u`, in the order of `accountStateOf`. */
export const ACCOUNT_STATE_SQL: Record<AccountState, string> = {
  disabled: `u.disabled_at IS NOT NULL`,
  invited: `u.disabled_at IS NULL AND u.password_hash IS NULL`,
  unverified: `u.disabled_at IS NULL AND u.password_hash IS NOT NULL AND u.email_verified_at IS NULL`,
  active: `u.disabled_at IS NULL AND u.password_hash IS NOT NULL AND u.email_verified_at IS NOT NULL`,
};
