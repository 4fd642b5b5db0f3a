import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiSecurity,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyPrincipalView, AuthTokens, RegistrationAccepted, UserView } from '@aiparksit/shared';
import { JsonResponse, Public } from '../common/http/index.js';
import { AuthRateLimit } from '../security/index.js';
import { UserViewDto } from '../users/index.js';
import { AllowApiKey, CurrentPrincipal, requireUser, type Principal } from '../access/index.js';
import { AuthService, type ClientInfo } from './auth.service.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { ApiKeyPrincipalViewDto, AuthTokensDto } from './dto/auth-tokens.dto.js';
import {
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RegistrationAcceptedDto,
  ResendVerificationDto,
  VerifyEmailDto,
} from './dto/email-verification.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { ME_RESPONSE_SCHEMA } from './dto/me-response.schema.js';
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
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @AuthRateLimit()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: RegistrationAcceptedDto,
    description:
      'The same answer whether or not the address already has an account. A new account gets an email with the link that confirms the address (POST /api/auth/verify-email signs in); the owner of an existing one is told someone tried.',
  })
  @ApiBadRequestResponse({
    description:
      'A field is missing or invalid, the password is easy to guess, or the role is not driver or operator; `details` names the fields and says why.',
  })
  register(@Body() body: RegisterDto): Promise<RegistrationAccepted> {
    return this.auth.register(body);
  }

  @Post('verify-email')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensDto, description: 'The address is confirmed and the account signed in.' })
  @ApiBadRequestResponse({ description: 'The token is unknown, already used or expired (`invalid_verification_token`).' })
  verifyEmail(@Body() body: VerifyEmailDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthTokens> {
    noStore(reply);
    return this.auth.verifyEmail(body.token, clientOf(request));
  }

  @Post('resend-verification')
  @Public()
  @AuthRateLimit()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: RegistrationAcceptedDto,
    description: 'A new link goes out when the address has an unconfirmed account (at most one a minute); the answer is the same for any address.',
  })
  resendVerification(@Body() body: ResendVerificationDto): Promise<RegistrationAccepted> {
    return this.auth.resendVerification(body.email);
  }

  @Post('password-reset')
  @Public()
  @AuthRateLimit()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: RegistrationAcceptedDto,
    description:
      'The same answer for any address. An enabled account gets an email with a single-use link to choose a new password (at most one a minute, PASSWORD_RESET_MAX_PER_HOUR an hour); POST /api/auth/password-reset/confirm uses it.',
  })
  @ApiBadRequestResponse({ description: 'The email address is missing or not an address.' })
  requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<RegistrationAccepted> {
    return this.auth.requestPasswordReset(body.email);
  }

  @Post('password-reset/confirm')
  @Public()
  @AuthRateLimit()
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'The password is set; every session of the account has ended (sockets included) and the owner is emailed. Sign in with it.',
  })
  @ApiBadRequestResponse({
    description:
      'invalid_reset_token: unknown, used or expired link; weak_password or a validation error: the password breaks the registration rules (named, with the reason).',
  })
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.auth.confirmPasswordReset(body.token, body.password);
  }

  @Post('login')
  @Public()
  @AuthRateLimit()
  @HttpCode(200)
  @ApiOkResponse({ type: AuthTokensDto })
  @ApiUnauthorizedResponse({ description: 'The email or password is not correct (one answer for both).' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many wrong passwords for this email address (`sign_in_locked`), whether or not it has an account; `details.retryAfterSeconds` and Retry-After say when to try again.',
  })
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

  @Post('password')
  @AuthRateLimit()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The password is changed; every other session of the account has ended, and the owner is emailed.' })
  @ApiBadRequestResponse({
    description: 'current_password_wrong (`details.fields` names currentPassword), or newPassword is too short or easy to guess (named, with the reason).',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong passwords for this account (`sign_in_locked`), as at sign-in.' })
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(requireUser(principal), body.currentPassword, body.newPassword);
  }

  @Get('me')
  @JsonResponse({ 200: ME_RESPONSE_SCHEMA })
  @AllowApiKey('marketplace:read')
  @ApiBearerAuth()
  @ApiSecurity('api-key')
  @ApiExtraModels(UserViewDto, ApiKeyPrincipalViewDto)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(UserViewDto) }, { $ref: getSchemaPath(ApiKeyPrincipalViewDto) }] } })
  @ApiUnauthorizedResponse({ description: 'No valid access token or API key.' })
  @ApiForbiddenResponse({ description: 'The API key lacks the marketplace:read scope.' })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserView | ApiKeyPrincipalView> {
    if (principal.kind === 'api_key') return { kind: 'api_key', keyId: principal.keyId, ownerId: principal.ownerId, scopes: principal.scopes };
    return this.auth.viewOf(principal);
  }
}
