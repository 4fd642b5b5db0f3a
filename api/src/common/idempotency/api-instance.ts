import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/**
 * This API process, as other instances on the same database see it: made at start-up, so a claim
 * or lease it holds names a process that exists only as long as it runs.
 */
@Injectable()
export class ApiInstance {
  readonly id = randomUUID();
}
