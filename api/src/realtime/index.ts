export { RealtimeModule } from './realtime.module.js';
export { RealtimeWsAdapter } from './realtime-ws-adapter.js';
export type { ErrorMessage, PongMessage } from './server-messages.js';
