/** The outbox's public surface: side effects written with the change that causes them, delivered with retries. */
export { OutboxModule } from './outbox.module.js';
export { OutboxService } from './outbox.service.js';
export { PermanentDeliveryError, type OutboxHandler, type OutboxMessage } from './outbox-handler.js';
export type { EnqueuedMessage } from './outbox.repository.js';
export { currentLinkOrigin, linkOriginFollowsRequests, linkOriginProviders, originOfRequestPattern, withLinkOrigin } from './link-origin.js';
