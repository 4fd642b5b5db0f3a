export { OperatorFeedProvider, PlatformFeedProvider, SocketProvider, credentialProtocols, sameOriginSocketUrl, type PlatformFeed } from './socket-provider';
export { useConnectionState, useFacilitySubscription, useOperatorFeed, usePlatformFeed, useRealtimeEvent, useRealtimeResync } from './hooks';
export { RealtimeConnection, type ResyncReason, type SocketLike } from './realtime-connection';
export { OPERATOR_FEED_BOOKINGS, type OperatorFeed, type OperatorFeedEntry, type OperatorFeedHappening } from './operator-feed';
export { withDashboardRefresh } from './dashboard-refresh';
export { adminFeedEvent, useAdminFeed, type AdminFeedEvent, type AdminFeedHandlers } from './admin-feed';
