import { SetMetadata } from '@nestjs/common';
import type { ApiKeyScope } from '@aiparksit/shared';

export const API_KEY_SCOPE_KEY = 'aiparksit:apiKeyScope';

/**
 * The route also accepts an integrator's `X-API-Key` carrying this scope. Without this mark a
 * valid key is refused with 403: keys are for the read routes we chose to open, nothing else.
 */
export const AllowApiKey = (scope: ApiKeyScope): MethodDecorator & ClassDecorator => SetMetadata(API_KEY_SCOPE_KEY, scope);
