import type { FastifyReply, FastifyRequest } from 'fastify';
import { PRINCIPAL_REQUEST_KEY, type RequestWithPrincipal } from '../access/index.js';

/** One request's log line: what was asked, how it ended, how long it took, and by whom. */
export interface RequestLogFields {
  method: string;
  /** The path without its query string: queries carry search positions and other personal detail. */
  path: string;
  statusCode: number;
  /** Milliseconds from the request's arrival to the end of the response, to 0.1 ms. */
  ms: number;
  /** The client's address: the connection's, or the one trusted proxies (TRUST_PROXY) forwarded. */
  ip: string;
  userId?: string;
  role?: string;
  apiKeyId?: string;
}

export function requestLogFields(request: FastifyRequest, reply: FastifyReply): RequestLogFields {
  const { url } = request;
  const query = url.indexOf('?');
  const fields: RequestLogFields = {
    method: request.method,
    path: query === -1 ? url : url.slice(0, query),
    statusCode: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
    ip: request.ip,
  };
  const principal = (request as FastifyRequest & RequestWithPrincipal)[PRINCIPAL_REQUEST_KEY];
  if (principal?.kind === 'user') {
    fields.userId = principal.userId;
    fields.role = principal.role;
  } else if (principal?.kind === 'api_key') {
    fields.apiKeyId = principal.keyId;
  }
  return fields;
}

/**
 * The request log: one line per answered request (Fastify's own two, on arrival and on
 * completion, are off), with the request id the logger is bound to. Written through the
 * asynchronous log stream, so the request does not wait for it.
 */
export function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  request.log.info(requestLogFields(request, reply), 'request completed');
}
