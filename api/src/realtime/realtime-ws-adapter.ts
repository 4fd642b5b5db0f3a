import type { INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import { decodeClientFrame } from './client-frame-decoder.js';

/**
 * Plain WebSockets (the `ws` package) on the API's own HTTP server — Fastify's — so HTTP and
 * `/ws` share one port and one nginx upstream. Frames are decoded as our protocol, not Nest's
 * `{event, data}` shape.
 */
export class RealtimeWsAdapter extends WsAdapter {
  constructor(app: INestApplicationContext) {
    super(app, { messageParser: (frame) => decodeClientFrame(frame) });
  }
}
