import type { ClientMessage } from '@aiparksit/shared';

/** Every message type of the protocol a client may send (`ClientMessage` in shared/). */
export const CLIENT_MESSAGE_TYPES = ['subscribe', 'unsubscribe', 'ping'] as const satisfies readonly ClientMessage['type'][];

/** The event a frame is routed to when it is not a message of the protocol. */
export const INVALID_FRAME_EVENT = 'invalid_frame';

/** Nest's WebSocket adapter routes frames by `event` and hands `data` to the handler. */
export type DecodedFrame = { event: ClientMessage['type']; data: ClientMessage } | { event: typeof INVALID_FRAME_EVENT; data: string };

/**
 * Turns one frame of our protocol (`{"type": ...}`) into Nest's `{event, data}` routing shape.
 * Anything else is routed to INVALID_FRAME_EVENT with the reason, so the client is told what was
 * wrong instead of being ignored (Nest's default parser drops such frames silently).
 */
export function decodeClientFrame(frame: unknown): DecodedFrame {
  const text = typeof frame === 'string' ? frame : Buffer.isBuffer(frame) ? frame.toString('utf8') : undefined;
  if (text === undefined) return invalid('Frames must be JSON text.');
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return invalid('The frame is not valid JSON.');
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return invalid('A message must be a JSON object with a "type".');
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string') return invalid('A message must be a JSON object with a "type".');
  if (!isClientMessageType(type)) return invalid(`Unknown message type "${String(type).slice(0, 64)}"; expected one of: ${CLIENT_MESSAGE_TYPES.join(', ')}.`);
  return { event: type, data: message as ClientMessage };
}

function isClientMessageType(type: string): type is ClientMessage['type'] {
  return (CLIENT_MESSAGE_TYPES as readonly string[]).includes(type);
}

function invalid(reason: string): DecodedFrame {
  return { event: INVALID_FRAME_EVENT, data: reason };
}
