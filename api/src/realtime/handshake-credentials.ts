import type { IncomingMessage } from 'node:http';
import { API_KEY_HEADER, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '@aiparksit/shared';

/** What a client presented on the WebSocket handshake (nothing means anonymous). */
export interface HandshakeCredentials {
  accessToken?: string;
  apiKey?: string;
}

const BEARER = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/i;

/**
 * Reads credentials from the upgrade request. Browsers cannot set headers on a WebSocket, so an
 * access token may come as `?token=` or as the subprotocol `bearer.<token>`; an API key as
 * `?apiKey=` or `X-API-Key`. Server-side clients may also send `Authorization: Bearer`.
 */
export function handshakeCredentials(request: Pick<IncomingMessage, 'url' | 'headers'>): HandshakeCredentials {
  const query = new URL(request.url ?? '/', 'ws://localhost').searchParams;
  const credentials: HandshakeCredentials = {};

  const fromProtocol = (request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(WS_TOKEN_PROTOCOL_PREFIX))
    ?.slice(WS_TOKEN_PROTOCOL_PREFIX.length);
  const fromHeader = BEARER.exec(request.headers.authorization ?? '')?.[1];
  const token = query.get('token') ?? fromProtocol ?? fromHeader ?? (request.headers.authorization !== undefined ? '' : undefined);
  if (token !== undefined) credentials.accessToken = token;

  const headerKey = request.headers[API_KEY_HEADER];
  const apiKey = query.get('apiKey') ?? (typeof headerKey === 'string' ? headerKey : undefined);
  if (apiKey !== undefined) credentials.apiKey = apiKey;
  return credentials;
}

/**
 * The subprotocol the server answers with. It must be one the client offered; offering only the
 * token protocol would make the server echo the token, so it is not accepted alone.
 */
export function selectProtocol(offered: Set<string>): string | false {
  return offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false;
}
