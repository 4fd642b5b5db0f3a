import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig } from '../config/index.js';
import { LinkOriginInterceptor, linkOriginFollowsRequests } from './link-origin.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxService } from './outbox.service.js';
import { OutboxWorker } from './outbox.worker.js';

@Module({
  providers: [
    OutboxRepository,
    OutboxWorker,
    OutboxService,
    // Registered only where links follow requests (development without PUBLIC_URL): any global
    // interceptor, even one that passes straight through, puts every request on Nest's RxJS
    // interceptor path (~25 % of a trivial signed-in request's CPU in bench:overhead). Nest skips
    // a global interceptor that is null.
    {
      provide: APP_INTERCEPTOR,
      useFactory: (config: AppConfig) => (linkOriginFollowsRequests(config) ? new LinkOriginInterceptor(config) : null),
      inject: [AppConfig],
    },
  ],
  exports: [OutboxService],
})
export class OutboxModule {}
