import { SetMetadata } from '@nestjs/common';
import type { Role } from '@aiparksit/shared';

export const ROLES_KEY = 'aiparksit:roles';

/** Signed-in users with one of these roles may call the route; others get 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
