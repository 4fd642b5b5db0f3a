import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/index.js';
import { ReportSubscriptionsController } from './report-subscriptions.controller.js';
import { ReportSubscriptionsJob } from './report-subscriptions.job.js';
import { ReportSubscriptionsRepository } from './report-subscriptions.repository.js';
import { ReportSubscriptionsService } from './report-subscriptions.service.js';

/** Monthly emailed reports: the subscriptions and the job that queues their emails; notifications renders and sends them. */
@Module({
  imports: [OutboxModule],
  controllers: [ReportSubscriptionsController],
  providers: [ReportSubscriptionsRepository, ReportSubscriptionsService, ReportSubscriptionsJob],
})
export class ReportSubscriptionsModule {}
