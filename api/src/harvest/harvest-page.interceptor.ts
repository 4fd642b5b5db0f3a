import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import type { Principal } from '../access/index.js';
import { guardedReadOf } from './guarded-read.js';
import { HARVEST_PROTECTED } from './harvest-protected.decorator.js';
import { facilityIdsServed, type HarvestedRead } from './harvest-reads.js';
import { HarvestService } from './harvest.service.js';

/**
 * Global, on result pages (`@HarvestProtected('marketplace-page')`): counts every facility the
 * page shows before it is sent, and refuses the page that takes the client past its limit.
 * Without it a page of 50 would count as one read.
 */
@Injectable()
export class HarvestPageInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly harvest: HarvestService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const read = this.reflector.getAllAndOverride<HarvestedRead | undefined>(HARVEST_PROTECTED, [context.getHandler(), context.getClass()]);
    if (read !== 'marketplace-page') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.harvest.countServed(guardedReadOf(request, read), facilityIdsServed(body), request.log);
        return body;
      }),
    );
  }
}
