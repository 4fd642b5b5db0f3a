import { BadRequestException, NotFoundException } from '@nestjs/common';
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
      details: { code: 'SAMPLE_TAKEN', field: 'email' },
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
    const error = new BadRequestException({ message: 'Invalid request: check email.', details: [{ field: 'email', messages: ['email must be an email'] }] });
    expect(toErrorEnvelope(error, 'r').envelope).toMatchObject({ statusCode: 400, details: [{ field: 'email' }] });
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
});
