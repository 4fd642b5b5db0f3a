import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { SQLSTATE, isCheckViolation, isExclusionViolation, isUniqueViolation, postgresErrorOf } from './postgres-errors.js';

/** What pg raises: an Error carrying the server's fields. */
function pgError(code: string, constraint?: string): Error {
  return Object.assign(new Error('violation'), { code, constraint });
}

describe('postgresErrorOf', () => {
  it('reads SQLSTATE and constraint from a pg error', () => {
    expect(postgresErrorOf(pgError('23505', 'users_email_key'))).toEqual({ code: '23505', constraint: 'users_email_key' });
  });

  it('reads them through the driverError of a TypeORM QueryFailedError', () => {
    const wrapped = new QueryFailedError('INSERT …', [], pgError('23P01', 'bookings_no_overlap'));
    expect(postgresErrorOf(wrapped)).toEqual({ code: '23P01', constraint: 'bookings_no_overlap' });
  });

  it('gives nothing for errors that are not from PostgreSQL', () => {
    expect(postgresErrorOf(new Error('boom'))).toEqual({ code: undefined, constraint: undefined });
    expect(postgresErrorOf(Object.assign(new Error('fs'), { code: 42 }))).toEqual({ code: undefined, constraint: undefined });
    expect(postgresErrorOf(undefined)).toEqual({});
    expect(postgresErrorOf('23505')).toEqual({});
  });
});

describe('violation checks', () => {
  it('match the code, and the constraint when one is named', () => {
    const duplicate = pgError(SQLSTATE.uniqueViolation, 'facilities_slug_key');
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(duplicate, 'facilities_slug_key')).toBe(true);
    expect(isUniqueViolation(duplicate, 'bookings_code_key')).toBe(false);
    expect(isExclusionViolation(duplicate)).toBe(false);
  });

  it('tell exclusion and check violations apart', () => {
    expect(isExclusionViolation(pgError('23P01', 'bookings_no_overlap'))).toBe(true);
    expect(isCheckViolation(pgError('23514', 'users_email_check'))).toBe(true);
    expect(isCheckViolation(pgError('23505'))).toBe(false);
  });
});
