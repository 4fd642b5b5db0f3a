import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/index.js';
import { OutboxModule } from '../outbox/index.js';
import { MetricsModule } from '../metrics/index.js';
import { ReportsModule } from '../reports/index.js';
import { LocalMailboxSender } from './delivery/local-mailbox-sender.js';
import { MailSender } from './delivery/mail-sender.js';
import { SmtpMailSender } from './delivery/smtp-mail-sender.js';
import { EmailHandlers } from './email-handlers.js';
import { MailboxAttachmentEntity } from './mailbox-attachment.entity.js';
import { MailboxMessageEntity } from './mailbox-message.entity.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [OutboxModule, MetricsModule, ReportsModule, TypeOrmModule.forFeature([MailboxMessageEntity, MailboxAttachmentEntity])],
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    EmailHandlers,
    {
      provide: MailSender,
      inject: [AppConfig, NotificationsRepository],
      useFactory: (config: AppConfig, repository: NotificationsRepository): MailSender =>
        config.values.smtpUrl
          ? new SmtpMailSender(config.values.smtpUrl, config.values.mailFrom, config.values.outboxLeaseMs)
          : new LocalMailboxSender(repository),
    },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
