import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { ErrorEnvelope } from '@aiparksit/shared';

/** What Node's HTTP parser (llhttp) attaches to the errors it raises on a connection. */
export interface HttpParserError extends Error {
  code?: string;
  /** The chunk being parsed when the error struck (a Buffer; Fastify's types say otherwise). */
  rawPacket?: unknown;
}

export interface ClientErrorAnswer {
  statusCode: number;
  code: string;
  message: string;
}

/**
 * The answer to a request Node could not even parse (so no route, hook or filter sees it): a
 * request line or headers over the size limit, a request that did not arrive in time, or bytes
 * that are not HTTP. The message is fixed: nothing the client sent is echoed.
 */
export function clientErrorAnswer(error: HttpParserError, maxHeaderBytes: number): ClientErrorAnswer {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { statusCode: 408, code: 'request_timeout', message: 'The request did not arrive in time.' };
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return requestLineIsTheBulk(error.rawPacket, maxHeaderBytes)
      ? { statusCode: 414, code: 'url_too_long', message: 'The URL is longer than this API accepts.' }
      : { statusCode: 431, code: 'headers_too_large', message: 'The request headers are larger than this API accepts.' };
  }
  return { statusCode: 400, code: 'malformed_request', message: 'The request is not well-formed HTTP.' };
}

const REQUEST_LINE_START = /^[A-Z]+ /;
const REQUEST_LINE_END = / HTTP\/\d\.\d\r?$/;

/**
 * Node counts the request line and the headers against one limit (HPE_HEADER_OVERFLOW for both).
 * When the request line is most of it, the URL is what is too long: 414, not 431. The chunk being
 * parsed either starts with the request line or, when a slow client split it, continues it.
 */
export function requestLineIsTheBulk(rawPacket: unknown, maxHeaderBytes: number): boolean {
  if (!Buffer.isBuffer(rawPacket) || !rawPacket.length) return false;
  const text = rawPacket.subarray(0, maxHeaderBytes + 1024).toString('latin1');
  const lineEnd = text.indexOf('\n');
  if (REQUEST_LINE_START.test(text)) return lineEnd === -1 || lineEnd > maxHeaderBytes / 2;
  return lineEnd !== -1 && REQUEST_LINE_END.test(text.slice(0, lineEnd));
}

/** The in-flight response Node keeps on a connection (not public API; Node's own handler reads it). */
type SocketWithResponse = Socket & { _httpMessage?: { headersSent?: boolean } };

/**
 * Fastify's `clientErrorHandler`: answers in the error envelope with a request id of its own (the
 * request's headers could not be read, so a caller's id is not known) and closes the connection.
 */
export function createClientErrorHandler(maxHeaderBytes: number) {
  return function answerClientError(this: { log: FastifyBaseLogger }, error: HttpParserError, socket: Socket): void {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { statusCode, code, message } = clientErrorAnswer(error, maxHeaderBytes);
    const requestId = randomUUID();
    this.log.info({ reqId: requestId, statusCode, parserError: error.code }, 'unparseable request refused');
    // As Node's own handler: never write into a response that has already started on this connection.
    if (!(socket as SocketWithResponse)._httpMessage?.headersSent) writeRawErrorEnvelope(socket, { statusCode, code, message }, requestId);
    socket.destroy();
  };
}

/**
 * Writes an error envelope as a whole HTTP response straight onto a connection that no Fastify
 * reply owns (an unparseable request, a refused WebSocket upgrade). The caller closes the socket.
 */
export function writeRawErrorEnvelope(socket: Socket, answer: ClientErrorAnswer, requestId: string = randomUUID(), extraHeaders = ''): void {
  if (!socket.writable) return;
  const { statusCode, code, message } = answer;
  const envelope: ErrorEnvelope = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, details: { code }, requestId };
  const body = JSON.stringify(envelope);
  socket.write(
    `HTTP/1.1 ${statusCode} ${envelope.error}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      'Cache-Control: no-store\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      extraHeaders +
      'Connection: close\r\n\r\n' +
      body,
  );
}
