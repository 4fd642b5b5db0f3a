import type { IncomingMessage } from 'node:http';
import { upgradeRefusal } from './upgrade-refusal.js';

const handshake = (headers: Record<string, string>, method = 'GET') =>
  ({
    method,
    headers: { upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-version': '13', ...headers },
  }) as unknown as IncomingMessage;

describe('upgradeRefusal', () => {
  it('accepts the opening handshake of RFC 6455', () => {
    expect(upgradeRefusal(handshake({}))).toBeNull();
    expect(upgradeRefusal(handshake({ upgrade: 'WebSocket' }))).toBeNull();
  });

  it('refuses another method with 405', () => {
    expect(upgradeRefusal(handshake({}, 'POST'))).toMatchObject({ statusCode: 405 });
  });

  it('refuses a missing or foreign Upgrade header with 400', () => {
    expect(upgradeRefusal(handshake({ upgrade: 'h2c' }))).toMatchObject({ statusCode: 400, code: 'websocket_handshake_invalid' });
  });

  it('refuses a key that is not 16 bytes in base64 with 400', () => {
    for (const key of ['', 'short', 'dGhlIHNhbXBsZSBub25jZQ', 'dGhlIHNhbXBsZSBub25jZQ==extra']) {
      expect(upgradeRefusal(handshake({ 'sec-websocket-key': key }))).toMatchObject({ statusCode: 400 });
    }
  });

  it('answers an unsupported version with 426', () => {
    expect(upgradeRefusal(handshake({ 'sec-websocket-version': '12' }))).toMatchObject({ statusCode: 426, code: 'websocket_version_unsupported' });
  });

  it('never repeats what the client sent', () => {
    const refusal = upgradeRefusal(handshake({ 'sec-websocket-key': '<script>alert(1)</script>' }));
    expect(JSON.stringify(refusal)).not.toContain('script');
  });
});
