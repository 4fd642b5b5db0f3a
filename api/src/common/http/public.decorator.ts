import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'aiparksit:isPublic';

/** A route anyone may call without signing in. Routes are private unless marked. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
