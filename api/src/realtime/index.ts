export { RealtimeModule } from './realtime.module.js';
export { RealtimeWsAdapter } from './realtime-ws-adapter.js';
export { RealtimeStats } from './realtime-stats.js';
export { RealtimeHub, type AdminFeedPayloads } from './realtime-hub.js';
/** The NOTIFY channel every instance listens on; `{"k":"ud","u":<user id>}` there closes that user's sockets. */
export { EVENTS_CHANNEL } from './database-change.js';
