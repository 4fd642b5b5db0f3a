import { describe, expect, it } from '@jest/globals';
import { ApiError, describeError, fieldMessagesOf } from './api-error';

describe('fieldMessagesOf', () => {
  it('keys the envelope’s field errors by field, joining repeated fields', () => {
    const envelope = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      requestId: 'r1',
      details: [
        { field: 'password', messages: ['password must be longer than or equal to 10 characters'] },
        { field: 'email', messages: ['email must be an email'] },
        { field: 'password', messages: ['password must be a string'] },
      ],
    };
    expect(fieldMessagesOf(envelope)).toEqual({
      password: ['password must be longer than or equal to 10 characters', 'password must be a string'],
      email: ['email must be an email'],
    });
  });

  it('reads the field list a module’s own check puts under details.fields beside its code', () => {
    const envelope = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid facility',
      requestId: 'r',
      details: { code: 'invalid_facility', fields: [{ field: 'rates.0.hourlyCents', messages: ['must be ≥ 0'] }] },
    };
    expect(fieldMessagesOf(envelope)).toEqual({ 'rates.0.hourlyCents': ['must be ≥ 0'] });
  });

  it('finds no field errors in details that are not a field list', () => {
    expect(fieldMessagesOf({ statusCode: 409, error: 'Conflict', message: 'Taken', requestId: 'r', details: { constraint: 'x' } })).toEqual({});
    expect(fieldMessagesOf(null)).toEqual({});
  });
});

describe('describeError', () => {
  it('shows the server’s message for a client error but not the details of a server error', () => {
    expect(describeError(new ApiError(409, { statusCode: 409, error: 'Conflict', message: 'That email is taken.', requestId: 'r' }))).toBe(
      'That email is taken.',
    );
    expect(describeError(new ApiError(500, { statusCode: 500, error: 'Internal Server Error', message: 'boom', requestId: 'r' }))).toMatch(/problem/);
  });

  it('explains a network failure as a connection problem', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/connection/);
  });
});
