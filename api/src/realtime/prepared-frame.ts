import type { WebSocket } from 'ws';

/**
 * A server-to-client text message framed once (RFC 6455 header + JSON payload in one buffer)
 * and written as-is to every socket that should have it. A fan-out of one event to thousands
 * of sockets then costs one serialization, one framing and one write per socket, instead of
 * `ws` re-framing the same bytes (and building its options) for each of them.
 */
export class PreparedFrame {
  /** The whole frame: header and payload. */
  readonly bytes: Buffer;

  constructor(readonly payload: Buffer) {
    this.bytes = Buffer.concat([textFrameHeader(payload.length), payload]);
  }

  static ofJson(message: unknown): PreparedFrame {
    return new PreparedFrame(Buffer.from(JSON.stringify(message)));
  }
}

/** FIN + text opcode, then the length in 7, 7+16 or 7+64 bits; server frames are never masked. */
export function textFrameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0x81, length]);
  if (length < 65_536) {
    const header = Buffer.alloc(4);
    header[0] = 0x81;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(10);
  header[0] = 0x81;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

/**
 * The part of `ws`'s socket that writes ready frames. `ws` has no public call for a pre-built
 * frame; its sender's `sendFrame` is what `send` ends in. It writes straight to the TCP socket,
 * which keeps the order of frames only while the sender queues nothing (it queues while
 * compressing or reading a Blob), so that is checked before each write.
 */
interface FrameWriter {
  _sender?: { _state?: number; sendFrame?: (list: Buffer[], cb?: (error?: Error) => void) => void };
}

const SENDER_IDLE = 0;

/** Writes the frame to an open socket; falls back to `send` whenever writing raw could reorder or skip an extension. */
export function writeFrame(socket: WebSocket, frame: PreparedFrame): void {
  const sender = (socket as unknown as FrameWriter)._sender;
  if (socket.extensions === '' && sender?._state === SENDER_IDLE && typeof sender.sendFrame === 'function') {
    sender.sendFrame([frame.bytes]);
    return;
  }
  socket.send(frame.payload, { binary: false, compress: false });
}
