import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

export const AUTH_RATE_LIMITED = 'aiparksit:authRateLimited';

/**
 * Login, registration and other password-guessing targets: adds the stricter `auth` tier
 * (THROTTLE_AUTH_*), counted per client address, on top of the usual tiers.
 */
export const AuthRateLimit = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_RATE_LIMITED, true),
    ApiTooManyRequestsResponse({ description: 'Too many attempts from this address; the Retry-After header says when to try again.' }),
  );
