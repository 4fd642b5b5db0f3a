import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { AuthModule } from '../auth/index.js';
import { OutboxModule } from '../outbox/index.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';
import { InvitationsController } from './invitations.controller.js';

@Module({
  imports: [AuthModule, OutboxModule, AuditModule],
  controllers: [AccountsController, InvitationsController],
  providers: [AccountsService, AccountsRepository],
})
export class AccountsModule {}
