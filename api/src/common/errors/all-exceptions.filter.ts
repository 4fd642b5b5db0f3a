import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '@aiparksit/shared';
import { toErrorEnvelope, type EnvelopeResult } from './error-envelope.js';
import { ERROR_TYPES, ErrorLog } from './error-log.js';

/**
 * The one place errors become HTTP answers. Written for Fastify: Nest's default filter would
 * send its own shape, and 500s would carry the exception's message.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly errorLog: ErrorLog) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendError(exception, request, reply, this.errorLog);
  }
}

/** Said of any path no route serves; the path itself is not echoed back. */
export const NO_ROUTE_MESSAGE = 'No route serves this method and path.';

export function sendError(exception: unknown, request: FastifyRequest, reply: FastifyReply, errorLog?: ErrorLog): void {
  const result = toErrorEnvelope(exception, String(request.id));
  const { envelope, unexpected } = result;
  // Nest's not-found handler says "Cannot GET /the/path": the answer must not echo the URL.
  if (envelope.statusCode === 404 && request.is404) envelope.message = NO_ROUTE_MESSAGE;
  const route = `${request.method} ${request.routeOptions?.url ?? '(no route)'}`;
  const requestId = String(request.id);
  if (unexpected) {
    request.log.error({ err: exception }, 'unhandled error');
    errorLog?.record({ service: 'API', type: ERROR_TYPES.serverError, message: `${route}: ${describeError(exception)}`, requestId, route, critical: true });
  } else if (envelope.statusCode === 429) {
    // A harvesting block is recorded once, when it starts (HarvestService); its refusals are not.
    if (!isHarvestRefusal(envelope.details)) errorLog?.record({ service: 'Security', type: ERROR_TYPES.rateLimited, message: route, requestId, route });
  } else if (envelope.statusCode === 503) {
    request.log.warn({ err: exception }, 'service unavailable');
    errorLog?.record({ service: 'PostgreSQL', type: ERROR_TYPES.timeout, message: `${route}: ${envelope.message}`, requestId, route, critical: true });
  } else if (envelope.statusCode >= 500) {
    errorLog?.record({ service: 'API', type: ERROR_TYPES.serverError, message: `${route}: ${envelope.message}`, requestId, route, critical: true });
  }
  sendEnvelope(reply, result);
}

/** Writes an envelope unless an answer already went out; the request id header goes with it. */
export function sendEnvelope(reply: FastifyReply, { envelope, headers }: EnvelopeResult): void {
  if (reply.sent) return;
  void reply
    .status(envelope.statusCode)
    .headers({ ...headers, [REQUEST_ID_HEADER]: envelope.requestId })
    .type('application/json; charset=utf-8')
    .send(envelope);
}

/** The exception's class and message, for the admins' error list (never sent to the client). */
function describeError(exception: unknown): string {
  if (exception instanceof Error) return `${exception.name}: ${exception.message}`;
  return String(exception);
}

function isHarvestRefusal(details: unknown): boolean {
  return typeof details === 'object' && details !== null && !Array.isArray(details) && (details as Record<string, unknown>)['code'] === 'harvesting_suspected';
}
