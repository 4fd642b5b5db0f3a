import type { IncomingMessage } from 'node:http';
import type { ClientErrorAnswer } from '../common/http/index.js';

/** A Sec-WebSocket-Key is 16 random bytes in base64 (RFC 6455, section 4.1). */
const WEBSOCKET_KEY = /^[+/0-9A-Za-z]{22}==$/;

export const NO_WEBSOCKET_HERE: ClientErrorAnswer = {
  statusCode: 404,
  code: 'not_found',
  message: 'There is no WebSocket at this path: use /ws, /ws/operator or /ws/investor.',
};

/**
 * Why an upgrade request cannot become a WebSocket, or null when it can. Checked before the `ws`
 * package sees it, so that the refusal is the API's error envelope rather than ws's plain text;
 * the rules are RFC 6455's opening handshake (section 4.2.1), in the order a client would fix them.
 */
export function upgradeRefusal(request: IncomingMessage): ClientErrorAnswer | null {
  if (request.method !== 'GET') return { statusCode: 405, code: 'method_not_allowed', message: 'A WebSocket is opened with GET.' };
  if (request.headers.upgrade?.toLowerCase() !== 'websocket') {
    return { statusCode: 400, code: 'websocket_handshake_invalid', message: 'The Upgrade header must be "websocket".' };
  }
  const key = request.headers['sec-websocket-key'];
  if (typeof key !== 'string' || !WEBSOCKET_KEY.test(key.trim())) {
    return { statusCode: 400, code: 'websocket_handshake_invalid', message: 'The Sec-WebSocket-Key header is missing or not 16 bytes in base64.' };
  }
  const version = request.headers['sec-websocket-version'];
  if (version !== '13' && version !== '8') {
    return { statusCode: 426, code: 'websocket_version_unsupported', message: 'This server speaks WebSocket version 13 (Sec-WebSocket-Version: 13).' };
  }
  return null;
}
