import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { MailboxMessage, OutboxReceipt, Page } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { attachmentDisposition } from './delivery/content-disposition.js';
import { MailboxMessageDto, MailboxPageDto, MailboxQueryDto, OutboxReceiptDto } from './dto/mailbox.dto.js';
import { SendEmailDto } from './dto/send-email.dto.js';
import { NotificationsService } from './notifications.service.js';

/** Send a templated email (admins; investors their own reports), read the local mailbox (admins; used when no SMTP server is set). */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post('email')
  @Roles('admin', 'investor')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: OutboxReceiptDto, description: 'Queued; the outbox worker sends it.' })
  @ApiForbiddenResponse({ description: 'Not an admin, or an investor asking for anything but their own investor report.' })
  @ApiNotFoundResponse({ description: 'No such user, or no such booking of that user.' })
  send(@CurrentPrincipal() principal: Principal, @Body() body: SendEmailDto): Promise<OutboxReceipt> {
    return this.notifications.send(requireUser(principal), body);
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

  @Get('mailbox/:id/attachments/:attachmentId')
  @Header('cache-control', 'no-store')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file as it was attached, with its own Content-Type, as `Content-Disposition: attachment`.',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse()
  async mailboxAttachment(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.notifications.mailboxAttachment(id, attachmentId);
    return new StreamableFile(file.content, { type: file.contentType, disposition: attachmentDisposition(file.filename), length: file.content.length });
  }
}
