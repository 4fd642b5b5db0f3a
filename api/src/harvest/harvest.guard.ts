import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { RouteMetadata, type Principal } from '../access/index.js';
import { guardedReadOf } from './guarded-read.js';
import { HARVEST_PROTECTED, type HarvestedRead } from './harvest-reads.js';
import { HarvestService } from './harvest.service.js';
import { HarvestException } from './harvest.exception.js';
import { TelemetryRegistry } from '../telemetry/counters/index.js';

/**
 * Global, on routes marked `@HarvestProtected()`: refuses a blocked client before any work, and
 * counts the facility or result page asked for. It runs after the rate limiter and after
 * authentication (its module is imported after theirs), because it counts signed-in people per
 * account and integrators per key, which only authentication knows.
 */
@Injectable()
export class HarvestGuard implements CanActivate {
  private readonly routes: RouteMetadata<HarvestedRead | undefined>;

  constructor(
    reflector: Reflector,
    private readonly harvest: HarvestService,
    private readonly telemetry: TelemetryRegistry,
  ) {
    this.routes = new RouteMetadata((handler, classRef) => reflector.getAllAndOverride<HarvestedRead | undefined>(HARVEST_PROTECTED, [handler, classRef]));
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const read = this.routes.of(context);
    if (!read) return true;
    return this.admit(context, read);
  }

  private async admit(context: ExecutionContext, read: HarvestedRead): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    await this.harvest.admit(guardedReadOf(request, read), request.log).catch((error: unknown) => {
      if (error instanceof HarvestException) this.telemetry.harvestingBlocked();
      throw error;
    });
    return true;
  }
}
