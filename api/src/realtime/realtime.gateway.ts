import { MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { WS_PATH } from '@aiparksit/shared';
import { Public } from '../common/http/public.decorator.js';
import { INVALID_FRAME_EVENT } from './client-frame-decoder.js';
import type { ErrorMessage, PongMessage } from './server-messages.js';

/** Client messages are small control frames; anything larger is refused by `ws` (close 1009). */
const MAX_FRAME_BYTES = 64 * 1024;

/**
 * The public WebSocket endpoint. For now it answers pings and explains frames it cannot use;
 * subscriptions and the LISTEN/NOTIFY fan-out arrive with the real-time issue. Socket errors are
 * logged by the adapter and end only that socket.
 */
@Public()
@WebSocketGateway({ path: WS_PATH, maxPayload: MAX_FRAME_BYTES })
export class RealtimeGateway {
  @SubscribeMessage('ping')
  ping(): PongMessage {
    return { type: 'pong', at: new Date().toISOString() };
  }

  @SubscribeMessage('subscribe')
  subscribe(): ErrorMessage {
    return { type: 'error', message: 'Subscriptions are not available yet.' };
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(): ErrorMessage {
    return { type: 'error', message: 'Subscriptions are not available yet.' };
  }

  @SubscribeMessage(INVALID_FRAME_EVENT)
  invalidFrame(@MessageBody() reason: string): ErrorMessage {
    return { type: 'error', message: reason };
  }
}
