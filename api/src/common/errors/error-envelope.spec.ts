import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainException } from './domain.exception.js';
import { toErrorEnvelope } from './error-envelope.js';

class SampleException extends DomainException<'SAMPLE_TAKEN'> {
  readonly kind = 'conflict' as const;
}

describe('toErrorEnvelope', () => {
  it('hides an unexpected error: no message, stack or SQL in the body', () => {
    const error = new Error('duplicate key value violates unique constraint "users_email_key" in SELECT * FROM users');
    const { envelope, unexpected } = toErrorEnvelope(error, 'req-1');
    expect(unexpected).toBe(true);
    expect(envelope).toEqual({ statusCode: 500, error: 'Internal Server Error', message: expect.any(String), requestId: 'req-1' });
    expect(JSON.stringify(envelope)).not.toMatch(/SELECT|users_email_key|at Object|\.ts:/);
  });

  it('maps a domain exception by its kind and keeps its code', () => {
    const { envelope } = toErrorEnvelope(new SampleException('SAMPLE_TAKEN', 'That one is taken.', { field: 'email' }), 'req-2');
    expect(envelope).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'That one is taken.',
      details: { code: 'SAMPLE_TAKEN', fields: [{ field: 'email', code: 'invalid', message: 'That one is taken.' }] },
      requestId: 'req-2',
    });
  });

  it('sets Retry-After from a domain exception that says when to come back', () => {
    class Limited extends DomainException {
      readonly kind = 'rate_limited' as const;
    }
    const { headers, envelope } = toErrorEnvelope(new Limited('SLOW_DOWN', 'Too many requests.', { retryAfterSeconds: 2.2 }), 'r');
    expect(envelope.statusCode).toBe(429);
    expect(headers['retry-after']).toBe('3');
  });

  it('keeps field details of a validation error', () => {
    const details = { code: 'invalid_request', fields: [{ field: 'email', code: 'invalid_email', message: 'email must be an email address' }] };
    const error = new BadRequestException({ message: 'Invalid request: check email.', details });
    expect(toErrorEnvelope(error, 'r').envelope).toMatchObject({ statusCode: 400, details });
  });

  it('answers Nest HTTP errors with their status and message', () => {
    expect(toErrorEnvelope(new NotFoundException('No such facility.'), 'r').envelope).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      message: 'No such facility.',
    });
  });

  it('explains Fastify body errors in words', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toErrorEnvelope(tooLarge, 'r').envelope).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      message: expect.stringMatching(/larger than/),
    });
  });

  it('explains Fastify body errors that Nest wrapped in an HttpException', () => {
    const invalid = Object.assign(new Error("Body is not valid JSON but content-type is set to 'application/json'"), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    const wrapped = new HttpException(invalid.message, 400, { cause: invalid });
    expect(toErrorEnvelope(wrapped, 'r').envelope).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request body is not valid JSON.',
      details: { code: 'FST_ERR_CTP_INVALID_JSON_BODY' },
      requestId: 'r',
    });
  });

  it('answers a malformed URL without quoting it', () => {
    const badUrl = Object.assign(new Error("'/api/%zz' is not a valid url component"), { statusCode: 400, code: 'FST_ERR_BAD_URL' });
    const { envelope } = toErrorEnvelope(badUrl, 'r');
    expect(envelope).toMatchObject({ statusCode: 400, details: { code: 'FST_ERR_BAD_URL' } });
    expect(envelope.message).not.toContain('%zz');
  });

  it('answers an unreachable database with 503 and Retry-After, and a refused query with 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const down = toErrorEnvelope(refused, 'r');
    expect(down.envelope).toMatchObject({ statusCode: 503, error: 'Service Unavailable', details: { code: 'database_unavailable' }, requestId: 'r' });
    expect(down.headers['retry-after']).toMatch(/^\d+$/);
    expect(down.unexpected).toBe(false);
    expect(JSON.stringify(down.envelope)).not.toContain('127.0.0.1');

    const violation = Object.assign(new Error('query failed'), { driverError: Object.assign(new Error('duplicate key'), { code: '23505' }) });
    expect(toErrorEnvelope(violation, 'r').envelope.statusCode).toBe(500);
  });
});
