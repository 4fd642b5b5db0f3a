export { RealtimeModule } from './realtime.module.js';
export { RealtimeWsAdapter } from './realtime-ws-adapter.js';
export { RealtimeStats } from './realtime-stats.js';
export { RealtimeHub, type AdminFeedPayloads } from './realtime-hub.js';
