import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiSecurity,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyPrincipalView, AuthTokens, UserView } from '@aiparksit/shared';
import { Public } from '../common/http/index.js';
import { AuthRateLimit } from '../security/index.js';
import { UsersService, UserViewDto } from '../users/index.js';
import { AllowApiKey, CurrentPrincipal, type Principal } from '../access/index.js';
import { AuthService, type ClientInfo } from './auth.service.js';
import { ApiKeyPrincipalViewDto, AuthTokensDto } from './dto/auth-tokens.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { RefreshTokenDto } from './dto/refresh-token.dto.js';
import { RegisterDto } from './dto/register.dto.js';

function clientOf(request: FastifyRequest): ClientInfo {
  return { userAgent: request.headers['user-agent'], ip: request.ip };
}

/** Tokens are credentials: no cache, anywhere between us and the client (RFC 6749, 5.1). */
function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('register')
  @Public()
  @AuthRateLimit()
  @ApiCreatedResponse({ type: AuthTokensDto, description: 'The account, signed in.' })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid, or the role is not driver or operator; `details` names the fields.' })
  @ApiConflictResponse({ description: 'An account with this email already exists.' })
  register(@Body() body: RegisterDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthTokens> {
    noStore(reply);
    return this.auth.register(body, clientOf(request));
  }

  @Post('login')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensDto })
  @ApiUnauthorizedResponse({ description: 'The email or password is not correct (one answer for both).' })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthTokens> {
    noStore(reply);
    return this.auth.login(body, clientOf(request));
  }

  /** Public: the refresh token is the credential, so an expired access token is no obstacle. */
  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensDto, description: 'A new pair; the presented refresh token is now used up.' })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired, revoked or already used (the last also ends the session).' })
  refresh(@Body() body: RefreshTokenDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthTokens> {
    noStore(reply);
    return this.auth.refresh(body.refreshToken, clientOf(request));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session of this refresh token is ended; its access tokens stop working too.' })
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @AllowApiKey('marketplace:read')
  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @ApiExtraModels(UserViewDto, ApiKeyPrincipalViewDto)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(UserViewDto) }, { $ref: getSchemaPath(ApiKeyPrincipalViewDto) }] } })
  @ApiUnauthorizedResponse({ description: 'No valid access token or API key.' })
  @ApiForbiddenResponse({ description: 'The API key lacks the marketplace:read scope.' })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserView | ApiKeyPrincipalView> {
    if (principal.kind === 'api_key') return { kind: 'api_key', keyId: principal.keyId, ownerId: principal.ownerId, scopes: principal.scopes };
    return this.users.view(principal.userId);
  }
}
