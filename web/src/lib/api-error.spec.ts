import { describe, expect, it } from '@jest/globals';
import { ApiError, describeError, fieldMessagesOf } from './api-error';

describe('fieldMessagesOf', () => {
  it('words the envelope’s field errors as sentences keyed by field, joining repeated fields, never showing the API’s English', () => {
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
      password: ['Use at least 10 characters.', 'Choose a password that is harder to guess: add a few uncommon words.'],
      email: ['Enter an email address like name@example.com.'],
    });
    expect(fieldMessagesOf(envelope, { password: { too_short: 'Use 10 characters or more: a few words make a good password.' } })['password']![0]).toBe(
      'Use 10 characters or more: a few words make a good password.',
    );
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

  it('says what the fields need when no form shows them, if each sentence reads on its own', () => {
    const envelope = (fields: object[]) => ({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request: check start.',
      requestId: 'r',
      details: { code: 'x', fields },
    });
    expect(describeError(new ApiError(400, envelope([{ field: 'start', code: 'in_the_past', message: 'start must not be in the past' }])))).toBe(
      'Choose a start that has not passed yet.',
    );
    expect(describeError(new ApiError(400, envelope([{ field: 'somethingNew', code: 'required', message: 'somethingNew is required' }])))).toBe(
      'Invalid request: check start.',
    );
  });

  it('explains a network failure as a connection problem', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/connection/);
  });
});
