import { describe, expect, it } from '@jest/globals';
import { ApiError, describeError, fieldMessagesOf } from './api-error';

describe('fieldMessagesOf', () => {
  it('keys the envelope’s field errors by field, joining repeated fields', () => {
    const envelope = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request: check password, email.',
      requestId: 'r1',
      details: {
        code: 'invalid_request',
        fields: [
          { field: 'password', code: 'too_short' as const, message: 'password must be at least 10 characters long', params: { min: 10 } },
          { field: 'email', code: 'invalid_email' as const, message: 'email must be an email address' },
          { field: 'password', code: 'weak_password' as const, message: 'password is too common' },
        ],
      },
    };
    expect(fieldMessagesOf(envelope)).toEqual({
      password: ['password must be at least 10 characters long', 'password is too common'],
      email: ['email must be an email address'],
    });
  });

  it('finds no field errors in details that are not a field list', () => {
    expect(fieldMessagesOf({ statusCode: 409, error: 'Conflict', message: 'Taken', requestId: 'r', details: { constraint: 'x' } })).toEqual({});
    expect(
      fieldMessagesOf({ statusCode: 400, error: 'Bad Request', message: 'x', requestId: 'r', details: { fields: [{ field: 'a', messages: ['old'] }] } }),
    ).toEqual({});
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
