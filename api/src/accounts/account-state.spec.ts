import { accountStateOf } from './account-state.js';

describe('accountStateOf', () => {
  const at = new Date('2030-01-01T00:00:00Z');

  it('is disabled whatever else is true', () => {
    expect(accountStateOf({ disabledAt: at, hasPassword: false, emailVerifiedAt: null })).toBe('disabled');
    expect(accountStateOf({ disabledAt: at, hasPassword: true, emailVerifiedAt: at })).toBe('disabled');
  });

  it('is invited while nobody has chosen a password', () => {
    expect(accountStateOf({ disabledAt: null, hasPassword: false, emailVerifiedAt: null })).toBe('invited');
  });

  it('is unverified with a password and an unconfirmed address', () => {
    expect(accountStateOf({ disabledAt: null, hasPassword: true, emailVerifiedAt: null })).toBe('unverified');
  });

  it('is active with a password and a confirmed address', () => {
    expect(accountStateOf({ disabledAt: null, hasPassword: true, emailVerifiedAt: at })).toBe('active');
  });
});
