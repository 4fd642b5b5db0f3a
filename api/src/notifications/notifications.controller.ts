import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MailboxMessage, OutboxReceipt, Page } from '@aiparksit/shared';
import { Roles } from '../access/index.js';
import { MailboxMessageDto, MailboxPageDto, MailboxQueryDto, OutboxReceiptDto } from './dto/mailbox.dto.js';
import { SendEmailDto } from './dto/send-email.dto.js';
import { NotificationsService } from './notifications.service.js';

/** Admin tools: send a templated email, read the local mailbox (used when no SMTP server is set). */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post('email')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: OutboxReceiptDto, description: 'Queued; the outbox worker sends it.' })
  @ApiNotFoundResponse({ description: 'No such user, or no such booking of that user.' })
  send(@Body() body: SendEmailDto): Promise<OutboxReceipt> {
    return this.notifications.send(body);
  }

  @Get('mailbox')
  @ApiOkResponse({ type: MailboxPageDto })
  listMailbox(@Query() query: MailboxQueryDto): Promise<Page<MailboxMessage>> {
    return this.notifications.listMailbox(query.page, query.pageSize, query.to);
  }

  @Get('mailbox/:id')
  @ApiOkResponse({ type: MailboxMessageDto })
  @ApiNotFoundResponse()
  mailboxMessage(@Param('id', new ParseUUIDPipe()) id: string): Promise<MailboxMessage> {
    return this.notifications.mailboxMessage(id);
  }
}
