import { HttpException, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, finalize, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { IDEMPOTENCY_KEY_HEADER } from '@aiparksit/shared';
import { PRINCIPAL_REQUEST_KEY, type RequestWithPrincipal } from '../../access/index.js';
import { AppConfig } from '../../config/index.js';
import { toErrorEnvelope } from '../errors/index.js';
import { ApiInstance } from './api-instance.js';
import { IdempotencyException } from './idempotency.exception.js';
import { IdempotencyKeysRepository, type IdempotencyClaim } from './idempotency-keys.repository.js';
import { requestFingerprint } from './request-fingerprint.js';
import type { IdempotentOptions } from './idempotent.decorator.js';

export const IDEMPOTENT_KEY = 'aiparksit:idempotent';
/** Printable ASCII without spaces: UUIDs, ULIDs and the like. */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * Claims the key before the handler runs and stores the answer after. Answers below 500 are
 * stored (a decline is an answer too: trying another card is another request, with a new key);
 * a 500 releases the key so a retry can run the request again. While the handler runs, the
 * claim's lease is renewed every third of its length; if this process dies, the lease lapses and
 * the next retry takes the claim over and runs the request again (handlers that create money
 * find what the dead run made, by the key: see PaymentsService).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly leaseSeconds: number;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyKeysRepository,
    private readonly instance: ApiInstance,
    config: AppConfig,
  ) {
    this.leaseSeconds = config.values.idempotencyLeaseSeconds;
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT_KEY, context.getHandler());
    if (!options || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();

    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (key === undefined || key === '') {
      throw new IdempotencyException(
        'idempotency_key_missing',
        'Send an Idempotency-Key header (for example a new UUID) so that a retry cannot do this twice.',
      );
    }
    if (typeof key !== 'string' || !KEY_SHAPE.test(key)) {
      throw new IdempotencyException('idempotency_key_invalid', 'The Idempotency-Key must be 1–255 printable characters without spaces.');
    }
    const principal = request[PRINCIPAL_REQUEST_KEY];
    const owner = principal ? (principal.kind === 'user' ? `user:${principal.userId}` : `api_key:${principal.keyId}`) : `anonymous:${request.ip}`;
    const path = request.url.split('?')[0] ?? request.url;
    const body = options.fingerprint ? options.fingerprint(request.body) : request.body;
    const hash = requestFingerprint(request.method, path, body);

    const result = await this.keys.claim({
      principal: owner,
      key,
      method: request.method,
      path,
      requestHash: hash,
      instanceId: this.instance.id,
      leaseSeconds: this.leaseSeconds,
    });
    if (!result.claimed) {
      const { existing } = result;
      if (!existing.requestHash.equals(hash)) {
        throw new IdempotencyException(
          'idempotency_key_reused',
          'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        );
      }
      if (existing.responseStatus === null) {
        throw new IdempotencyException(
          'idempotency_key_in_flight',
          `A request with this Idempotency-Key is still being processed. Retry in ${existing.retryAfterSeconds} s.`,
          // The most a retry may have to wait: the request answers sooner, or its lease lapses then.
          { retryAfterSeconds: existing.retryAfterSeconds },
        );
      }
      void reply.header(REPLAYED_HEADER, 'true');
      if (existing.responseStatus < 400) return of(existing.responseBody);
      // A stored error is answered again as the same error, under this request's id.
      throw new HttpException(existing.responseBody as Record<string, unknown>, existing.responseStatus);
    }

    const { claim, tookOverFrom } = result;
    if (tookOverFrom) this.logger.warn(`Took over ${owner}'s Idempotency-Key ${key}, abandoned by API instance ${tookOverFrom}`);
    const stopRenewing = this.renewWhileRunning(claim);
    const successStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    return next.handle().pipe(
      mergeMap((answer) => from(this.keys.complete(claim, successStatus, answer).then(() => answer))),
      catchError((error: unknown) => {
        const { envelope } = toErrorEnvelope(error, String(request.id));
        const settle =
          envelope.statusCode < 500
            ? this.keys.complete(claim, envelope.statusCode, { message: envelope.message, ...(envelope.details ? { details: envelope.details } : {}) })
            : this.keys.release(claim);
        return from(settle.catch(() => undefined)).pipe(mergeMap(() => throwError(() => error)));
      }),
      finalize(stopRenewing),
    );
  }

  private renewWhileRunning(claim: IdempotencyClaim): () => void {
    const timer = setInterval(
      () => {
        this.keys.renew(claim, this.leaseSeconds).catch((error: unknown) => {
          this.logger.error(`Renewing the lease on Idempotency-Key ${claim.key} failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      },
      (this.leaseSeconds * 1000) / 3,
    );
    timer.unref();
    return () => clearInterval(timer);
  }
}
