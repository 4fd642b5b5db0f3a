import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { PreparedFrame, textFrameHeader, writeFrame } from './prepared-frame.js';

describe('PreparedFrame', () => {
  it('frames text with the 7-bit, 16-bit and 64-bit lengths of RFC 6455, unmasked', () => {
    expect([...textFrameHeader(5)]).toEqual([0x81, 5]);
    expect([...textFrameHeader(125)]).toEqual([0x81, 125]);
    expect([...textFrameHeader(126)]).toEqual([0x81, 126, 0, 126]);
    expect([...textFrameHeader(65_535)]).toEqual([0x81, 126, 0xff, 0xff]);
    expect([...textFrameHeader(65_536)]).toEqual([0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('holds the header and the JSON in one buffer', () => {
    const frame = PreparedFrame.ofJson({ type: 'pong' });
    expect(frame.bytes.subarray(2).toString()).toBe('{"type":"pong"}');
    expect(frame.bytes.length).toBe(2 + frame.payload.length);
  });

  it('reaches a ws client intact and in order with frames sent the ordinary way, at every length', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    await new Promise((resolve) => server.once('listening', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const [socket] = await Promise.all([
        new Promise<WebSocket>((resolve) => server.once('connection', resolve)),
        new Promise((resolve) => client.once('open', resolve)),
      ]);
      const texts = ['x'.repeat(3), 'y'.repeat(300), 'z'.repeat(70_000)].map((filler, i) => JSON.stringify({ i, filler }));
      const received: string[] = [];
      const all = new Promise<void>((resolve) =>
        client.on('message', (data, isBinary) => {
          expect(isBinary).toBe(false);
          received.push(data.toString());
          if (received.length === 4) resolve();
        }),
      );
      writeFrame(socket, new PreparedFrame(Buffer.from(texts[0]!)));
      socket.send('{"ordinary":true}');
      writeFrame(socket, new PreparedFrame(Buffer.from(texts[1]!)));
      writeFrame(socket, new PreparedFrame(Buffer.from(texts[2]!)));
      await all;
      expect(received).toEqual([texts[0], '{"ordinary":true}', texts[1], texts[2]]);
    } finally {
      client.terminate();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
