import { clientErrorAnswer, requestLineIsTheBulk, type HttpParserError } from './client-error.js';

const LIMIT = 16_384;
const parserError = (code: string, rawPacket?: string): HttpParserError =>
  Object.assign(new Error(code), { code, rawPacket: rawPacket === undefined ? undefined : Buffer.from(rawPacket, 'latin1') });

describe('clientErrorAnswer', () => {
  it('answers an over-long URL with 414', () => {
    const packet = `GET /api/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`;
    expect(clientErrorAnswer(parserError('HPE_HEADER_OVERFLOW', packet), LIMIT)).toMatchObject({ statusCode: 414, code: 'url_too_long' });
  });

  it('answers oversized headers with 431', () => {
    const packet = `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`;
    expect(clientErrorAnswer(parserError('HPE_HEADER_OVERFLOW', packet), LIMIT)).toMatchObject({ statusCode: 431, code: 'headers_too_large' });
  });

  it('answers a request that is not HTTP with 400 and a request that came too slowly with 408', () => {
    expect(clientErrorAnswer(parserError('HPE_INVALID_METHOD', 'GARBAGE\r\n\r\n'), LIMIT)).toMatchObject({ statusCode: 400, code: 'malformed_request' });
    expect(clientErrorAnswer(parserError('ERR_HTTP_REQUEST_TIMEOUT'), LIMIT)).toMatchObject({ statusCode: 408 });
  });

  it('never quotes what the client sent', () => {
    const packet = `GET /api/<script>${'a'.repeat(20_000)} HTTP/1.1\r\n\r\n`;
    expect(JSON.stringify(clientErrorAnswer(parserError('HPE_HEADER_OVERFLOW', packet), LIMIT))).not.toContain('script');
  });
});

describe('requestLineIsTheBulk', () => {
  it('reads a request line that never ended within the packet as the culprit', () => {
    expect(requestLineIsTheBulk(Buffer.from(`GET /${'a'.repeat(30_000)}`), LIMIT)).toBe(true);
  });

  it('reads the tail of a request line split across packets as the culprit', () => {
    expect(requestLineIsTheBulk(Buffer.from(`${'a'.repeat(4000)} HTTP/1.1\r\nHost: x\r\n\r\n`), LIMIT)).toBe(true);
  });

  it('does not blame a short request line', () => {
    expect(requestLineIsTheBulk(Buffer.from(`GET / HTTP/1.1\r\nCookie: ${'c'.repeat(20_000)}\r\n`), LIMIT)).toBe(false);
    expect(requestLineIsTheBulk(Buffer.from(`${'c'.repeat(4000)}\r\nX-More: 1\r\n`), LIMIT)).toBe(false);
    expect(requestLineIsTheBulk(undefined, LIMIT)).toBe(false);
  });
});
