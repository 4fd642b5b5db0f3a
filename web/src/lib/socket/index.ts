export { SocketProvider, sameOriginSocketUrl } from './socket-provider';
export { useConnectionState, useFacilitySubscription, useRealtimeEvent } from './hooks';
export { RealtimeConnection, type SocketLike } from './realtime-connection';
