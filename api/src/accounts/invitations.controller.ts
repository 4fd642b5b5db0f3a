import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthTokens } from '@aiparksit/shared';
import { Public } from '../common/http/index.js';
import { AuthRateLimit } from '../security/index.js';
import { UserViewDto } from '../users/index.js';
import { AccountsService } from './accounts.service.js';
import { AcceptInvitationDto } from './dto/account-requests.dto.js';

/** Where an invited investor or admin chooses a password: public, the emailed token is the credential. */
@ApiTags('auth')
@Controller('auth/invitations')
export class InvitationsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('accept')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  @ApiExtraModels(UserViewDto)
  @ApiOkResponse({
    description: 'The password is set, the address confirmed, and the account signed in (the same token pair as POST /api/auth/login).',
    schema: {
      type: 'object',
      required: ['accessToken', 'refreshToken', 'expiresIn', 'user'],
      properties: {
        accessToken: { type: 'string' },
        refreshToken: { type: 'string' },
        expiresIn: { type: 'number' },
        user: { $ref: getSchemaPath(UserViewDto) },
      },
    },
  })
  @ApiBadRequestResponse({
    description:
      'invitation_used, invitation_replaced (a newer one was sent), invitation_expired, invalid_invitation; or weak_password (`details.fields` names password and says why).',
  })
  accept(@Body() body: AcceptInvitationDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthTokens> {
    // Tokens are credentials: no cache anywhere between us and the client (RFC 6749, 5.1).
    reply.header('cache-control', 'no-store');
    return this.accounts.acceptInvitation(body.token, body.password, { userAgent: request.headers['user-agent'], ip: request.ip });
  }
}
