import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import type { ErrorEnvelope } from '@aiparksit/shared';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable.js';
import { DomainException, STATUS_OF_KIND } from './domain.exception.js';
import { fieldError } from './field-errors.js';

/** Fastify's own errors (body parsing, size limits) carry a status code and an FST_ code. */
interface FastifyLikeError extends Error {
  statusCode?: number;
  code?: string;
}

export interface EnvelopeResult {
  envelope: ErrorEnvelope;
  headers: Record<string, string>;
  /** Whether the error is ours to hide: logged with its stack, answered as a plain 500. */
  unexpected: boolean;
}

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but its Content-Type says JSON.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is larger than this API accepts.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'This Content-Type is not accepted; send application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
  FST_ERR_BAD_URL: 'The URL is not valid: it has a malformed percent-escape.',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the URL is longer than this API accepts.',
};

function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** Turns anything thrown while handling a request into the one error envelope of the API. */
export function toErrorEnvelope(error: unknown, requestId: string): EnvelopeResult {
  const headers: Record<string, string> = {};

  if (error instanceof DomainException) {
    const statusCode = STATUS_OF_KIND[error.kind];
    const retryAfter = error.details?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number') headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfter)));
    return {
      envelope: {
        statusCode,
        error: reasonPhrase(statusCode),
        message: error.message,
        details: withFieldList(error),
        requestId,
      },
      headers,
      unexpected: false,
    };
  }

  // Nest hands Fastify's own errors (body parsing, limits) to the filter wrapped in an
  // HttpException carrying Fastify's message; the original, with its FST_ code, is the cause.
  if (error instanceof HttpException && isFastifyClientError(error.cause)) return fastifyClientError(error.cause, requestId, headers);

  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const body = error.getResponse();
    let message = error.message;
    let details: ErrorEnvelope['details'];
    if (typeof body === 'object' && body !== null) {
      const record = body as Record<string, unknown>;
      if (typeof record['message'] === 'string') message = record['message'];
      if (record['details'] && typeof record['details'] === 'object') details = record['details'] as Record<string, unknown>;
      if (typeof record['retryAfterSeconds'] === 'number') headers['retry-after'] = String(record['retryAfterSeconds']);
    }
    if (statusCode >= 500) return internalError(requestId, headers);
    return {
      envelope: { statusCode, error: reasonPhrase(statusCode), message, ...(details ? { details } : {}), requestId },
      headers,
      unexpected: false,
    };
  }

  if (isFastifyClientError(error)) return fastifyClientError(error, requestId, headers);

  if (isDatabaseUnavailable(error)) {
    headers['retry-after'] = String(DATABASE_RETRY_AFTER_SECONDS);
    return {
      envelope: {
        statusCode: 503,
        error: reasonPhrase(503),
        message: 'The service cannot reach its database right now. Please retry in a few seconds.',
        details: { code: 'database_unavailable', retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
        requestId,
      },
      headers,
      unexpected: false,
    };
  }

  return internalError(requestId, headers);
}

/**
 * A domain check that names one field (`details.field`) reports it the way request validation
 * does, in `details.fields`, so a client reads field problems from one place. Checks that have a
 * sharper code than `invalid` build their `fields` themselves with `fieldError`.
 */
function withFieldList(error: DomainException): Record<string, unknown> {
  const { field, ...rest } = error.details ?? {};
  if (typeof field !== 'string' || rest['fields']) return { code: error.code, ...error.details };
  return { code: error.code, ...rest, fields: [fieldError(field, 'invalid', undefined, error.message)] };
}

function isFastifyClientError(error: unknown): error is FastifyLikeError & { statusCode: number; code: string } {
  const candidate = error as FastifyLikeError | undefined;
  return (
    typeof candidate?.statusCode === 'number' &&
    candidate.statusCode >= 400 &&
    candidate.statusCode < 500 &&
    typeof candidate.code === 'string' &&
    candidate.code.startsWith('FST_')
  );
}

/** Fastify's 4xx errors in our words: its own messages quote the URL or the parser's internals. */
function fastifyClientError(error: { statusCode: number; code: string }, requestId: string, headers: Record<string, string>): EnvelopeResult {
  const { statusCode, code } = error;
  return {
    envelope: {
      statusCode,
      error: reasonPhrase(statusCode),
      message: FASTIFY_MESSAGES[code] ?? 'The request could not be read.',
      details: { code },
      requestId,
    },
    headers,
    unexpected: false,
  };
}

function internalError(requestId: string, headers: Record<string, string>): EnvelopeResult {
  return {
    envelope: {
      statusCode: 500,
      error: reasonPhrase(500),
      message: 'Something went wrong on our side. The request id helps us find it.',
      requestId,
    },
    headers,
    unexpected: true,
  };
}
