import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorEnvelope } from './error-envelope.js';
import { ErrorLog } from './error-log.js';

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

export function sendError(exception: unknown, request: FastifyRequest, reply: FastifyReply, errorLog?: ErrorLog): void {
  const { envelope, headers, unexpected } = toErrorEnvelope(exception, String(request.id));
  if (unexpected) {
    request.log.error({ err: exception }, 'unhandled error');
    errorLog?.record({
      service: 'API',
      type: 'Internal error',
      message: `${request.method} ${request.routeOptions?.url ?? request.url}`,
      requestId: String(request.id),
    });
  } else if (envelope.statusCode === 429) {
    errorLog?.record({
      service: 'API',
      type: 'Rate limited',
      message: `${request.method} ${request.routeOptions?.url ?? request.url}`,
      requestId: String(request.id),
    });
  }
  if (reply.sent) return;
  void reply.status(envelope.statusCode).headers(headers).type('application/json; charset=utf-8').send(envelope);
}
