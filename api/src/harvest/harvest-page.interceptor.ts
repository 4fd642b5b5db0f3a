import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import { RouteMetadata, type Principal } from '../access/index.js';
import { guardedReadOf } from './guarded-read.js';
import { facilityIdsServed, HARVEST_PROTECTED, type HarvestedRead } from './harvest-reads.js';
import { HarvestService } from './harvest.service.js';

/**
 * On result pages only (`@HarvestProtected('marketplace-page')` attaches it): counts every
 * facility the page shows before it is sent, and refuses the page that takes the client past its
 * limit. Without it a page of 50 would count as one read. Not global, so that the other routes do
 * not take Nest's interceptor path (an RxJS pipeline per request) for nothing.
 */
@Injectable()
export class HarvestPageInterceptor implements NestInterceptor {
  private readonly routes: RouteMetadata<HarvestedRead | undefined>;

  constructor(
    reflector: Reflector,
    private readonly harvest: HarvestService,
  ) {
    this.routes = new RouteMetadata((handler, classRef) => reflector.getAllAndOverride<HarvestedRead | undefined>(HARVEST_PROTECTED, [handler, classRef]));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const read = this.routes.of(context);
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
