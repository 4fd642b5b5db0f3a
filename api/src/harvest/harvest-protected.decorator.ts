import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { HarvestPageInterceptor } from './harvest-page.interceptor.js';
import { HARVEST_PROTECTED, type HarvestedRead } from './harvest-reads.js';

/**
 * A public read of catalogue data: the anti-harvesting guard counts what it serves per client
 * (`facility`: the facility named by the route's `:id`; `marketplace-page`: one page of results,
 * identified by its query and cursor, and every facility in it, read from the response's
 * `results`) and refuses clients that read more than a person would.
 */
export const HarvestProtected = (read: HarvestedRead): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(HARVEST_PROTECTED, read),
    // A page's facilities are counted from the response, so only result pages need the interceptor.
    ...(read === 'marketplace-page' ? [UseInterceptors(HarvestPageInterceptor)] : []),
    ApiTooManyRequestsResponse({
      description:
        'This client read more facilities or result pages than one person browses, or asked for a facility nobody is shown; the Retry-After header says when to try again.',
    }),
  );
