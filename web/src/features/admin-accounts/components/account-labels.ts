import type { AccountState, Role } from '@aiparksit/shared';

export const ROLE_LABELS: Record<Role, string> = { driver: 'Driver', operator: 'Operator', investor: 'Investor', admin: 'Admin' };

export const STATE_LABELS: Record<AccountState, string> = {
  active: 'Active',
  invited: 'Invited',
  unverified: 'Email not confirmed',
  disabled: 'Disabled',
};

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export function dateTime(iso: string | null, never = 'Never'): string {
  return iso ? DATE_TIME.format(new Date(iso)) : never;
}

export function date(iso: string): string {
  return DATE.format(new Date(iso));
}
