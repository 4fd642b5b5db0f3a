import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AccountsPage, AccountView } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { AccountsService } from './accounts.service.js';
import { CreateAccountDto } from './dto/account-requests.dto.js';
import { AccountsPageDto, AccountViewDto } from './dto/account-view.dto.js';
import { ListAccountsQuery } from './dto/list-accounts.query.js';

/** The admins' account management. Every change is audited (GET /api/system/audit). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@ApiForbiddenResponse({ description: 'Signed in, but not as an admin.' })
@Controller('admin/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: AccountsPageDto, description: 'Newest first; `q` matches a piece of the email or name in any case.' })
  list(@Query() query: ListAccountsQuery): Promise<AccountsPage> {
    return this.accounts.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AccountViewDto })
  @ApiNotFoundResponse({ description: 'account_not_found' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AccountView> {
    return this.accounts.get(id);
  }

  @Post()
  @ApiCreatedResponse({
    type: AccountViewDto,
    description: 'The account exists without a password; the invitation email with its single-use link is on its way.',
  })
  @ApiConflictResponse({ description: 'email_taken: an account with this email already exists.' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateAccountDto): Promise<AccountView> {
    return this.accounts.create(requireUser(principal), body);
  }

  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountViewDto, description: 'A new invitation is on its way; the earlier links no longer work.' })
  @ApiConflictResponse({ description: 'not_invited: the account already has a password, or is disabled.' })
  @ApiNotFoundResponse({ description: 'account_not_found' })
  resendInvitation(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<AccountView> {
    return this.accounts.resendInvitation(requireUser(principal), id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({
    type: AccountViewDto,
    description: 'Disabled: its access tokens, refresh tokens and API keys stop working and its open sockets are closed (4401), on every instance.',
  })
  @ApiForbiddenResponse({ description: 'cannot_disable_self, or not an admin.' })
  @ApiNotFoundResponse({ description: 'account_not_found' })
  disable(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<AccountView> {
    return this.accounts.disable(requireUser(principal), id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountViewDto, description: 'Enabled: its owner can sign in again (earlier sessions stay ended).' })
  @ApiNotFoundResponse({ description: 'account_not_found' })
  enable(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<AccountView> {
    return this.accounts.enable(requireUser(principal), id);
  }
}
