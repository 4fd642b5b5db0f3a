import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LinkOriginInterceptor } from './link-origin.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxService } from './outbox.service.js';
import { OutboxWorker } from './outbox.worker.js';

@Module({
  providers: [OutboxRepository, OutboxWorker, OutboxService, { provide: APP_INTERCEPTOR, useClass: LinkOriginInterceptor }],
  exports: [OutboxService],
})
export class OutboxModule {}
