/**
 * What the gateway answers a client with, besides event envelopes (`ServerEventEnvelope` in
 * `@aiparksit/shared`). Kept here until the real-time issue moves the whole protocol to shared/.
 */
export interface PongMessage {
  type: 'pong';
  at: string;
}

/** A frame the gateway could not act on; the socket stays open. */
export interface ErrorMessage {
  type: 'error';
  message: string;
}
