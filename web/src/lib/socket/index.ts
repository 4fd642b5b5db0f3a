export { SocketProvider, sameOriginSocketUrl } from './socket-provider';
export { useConnectionState, useRealtimeEvent } from './hooks';
export { RealtimeConnection, type SocketLike } from './realtime-connection';
