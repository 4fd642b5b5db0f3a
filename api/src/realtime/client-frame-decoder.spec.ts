import { CLIENT_MESSAGE_TYPES, INVALID_FRAME_EVENT, decodeClientFrame } from './client-frame-decoder.js';

describe('decodeClientFrame', () => {
  it('routes a ping to the ping handler with the whole message', () => {
    expect(decodeClientFrame('{"type":"ping"}')).toEqual({ event: 'ping', data: { type: 'ping' } });
  });

  it('routes every message type of the protocol to its own handler', () => {
    for (const type of CLIENT_MESSAGE_TYPES) expect(decodeClientFrame(JSON.stringify({ type })).event).toBe(type);
  });

  it('reads a frame that arrives as a buffer of UTF-8 text', () => {
    expect(decodeClientFrame(Buffer.from('{"type":"ping"}'))).toEqual({ event: 'ping', data: { type: 'ping' } });
  });

  it('routes malformed JSON to the invalid-frame handler with the reason', () => {
    expect(decodeClientFrame('{"type":')).toEqual({ event: INVALID_FRAME_EVENT, data: 'The frame is not valid JSON.' });
  });

  it('routes JSON that is not an object with a string type to the invalid-frame handler', () => {
    for (const frame of ['null', '42', '"ping"', '[{"type":"ping"}]', '{}', '{"type":7}']) {
      expect(decodeClientFrame(frame).event).toBe(INVALID_FRAME_EVENT);
    }
  });

  it('names an unknown type, cut short so a client cannot make us echo a large string', () => {
    const decoded = decodeClientFrame(JSON.stringify({ type: `x${'y'.repeat(500)}` }));
    expect(decoded.event).toBe(INVALID_FRAME_EVENT);
    expect(String(decoded.data).length).toBeLessThan(200);
  });

  it('does not mistake a property of Object.prototype for a message type', () => {
    expect(decodeClientFrame('{"type":"constructor"}').event).toBe(INVALID_FRAME_EVENT);
  });

  it('refuses frames that are neither text nor a buffer', () => {
    expect(decodeClientFrame(new ArrayBuffer(4)).event).toBe(INVALID_FRAME_EVENT);
  });
});
