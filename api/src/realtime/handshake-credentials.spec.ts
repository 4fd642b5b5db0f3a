import { handshakeCredentials, selectProtocol } from './handshake-credentials.js';

describe('handshakeCredentials', () => {
  it('is empty for an anonymous handshake', () => {
    expect(handshakeCredentials({ url: '/ws', headers: {} })).toEqual({});
  });

  it('takes a token from the query, the bearer subprotocol, or an Authorization header', () => {
    expect(handshakeCredentials({ url: '/ws?token=abc.def.ghi', headers: {} })).toEqual({ accessToken: 'abc.def.ghi' });
    expect(handshakeCredentials({ url: '/ws', headers: { 'sec-websocket-protocol': 'aiparksit.v1, bearer.abc.def.ghi' } })).toEqual({
      accessToken: 'abc.def.ghi',
    });
    expect(handshakeCredentials({ url: '/ws', headers: { authorization: 'Bearer abc.def.ghi' } })).toEqual({ accessToken: 'abc.def.ghi' });
  });

  it('treats an Authorization header that is not a bearer token as a bad token, not as none', () => {
    expect(handshakeCredentials({ url: '/ws', headers: { authorization: 'Basic dXNlcg==' } })).toEqual({ accessToken: '' });
  });

  it('takes an API key from the query or the X-API-Key header', () => {
    expect(handshakeCredentials({ url: '/ws?apiKey=apk_1', headers: {} })).toEqual({ apiKey: 'apk_1' });
    expect(handshakeCredentials({ url: '/ws', headers: { 'x-api-key': 'apk_2' } })).toEqual({ apiKey: 'apk_2' });
  });
});

describe('selectProtocol', () => {
  it('answers with the protocol name, never with the token', () => {
    expect(selectProtocol(new Set(['aiparksit.v1', 'bearer.secret']))).toBe('aiparksit.v1');
    expect(selectProtocol(new Set(['bearer.secret']))).toBe(false);
  });
});
