import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ActiveUsers, ApiInstancesCard, RouteFigures } from '@aiparksit/shared';
import { InstanceHeartbeat } from './instance-heartbeat.js';
import { activeUsersOf, apiCardOf, INSTANCE_ROWS_SQL, routesOf, toInstanceRow, type InstanceRow } from './instance-rows.js';
import { RequestTelemetry } from './request-telemetry.js';

/** One query answers the three readers of one status snapshot. */
const ROWS_TTL_MS = 1000;

/**
 * The API instances as the heartbeat rows show them, for the status page: the card, active
 * users and per-route figures merged across every running instance. This instance's own request
 * figures and users are read live rather than from its row, which may be a period old.
 */
@Injectable()
export class InstanceRegistry {
  private cache: { at: number; rows: Promise<InstanceRow[]> } | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly heartbeat: InstanceHeartbeat,
    private readonly requests: RequestTelemetry,
  ) {}

  /** This process's id in `api_instances`. */
  get instanceId(): string {
    return this.heartbeat.id;
  }

  async apiCard(): Promise<ApiInstancesCard> {
    return apiCardOf(await this.rows(), { id: this.heartbeat.id, requests: this.requests.instanceFigures() });
  }

  /** Distinct accounts active in the last 5 minutes across the running instances. */
  async activeUsers(): Promise<ActiveUsers> {
    const [rows, activeUsers] = await Promise.all([this.rows(), this.heartbeat.activeUsersReport()]);
    return activeUsersOf(rows, { id: this.heartbeat.id, activeUsers });
  }

  /** Every API endpoint of the router, with its last minute summed over the running instances. */
  async routes(): Promise<RouteFigures[]> {
    return routesOf(await this.rows(), { id: this.heartbeat.id, routes: this.requests.routeFigures(), endpoints: this.requests.apiEndpoints() });
  }

  /** API endpoints the router serves (methods × patterns under /api, the OpenAPI pages aside). */
  apiEndpointCount(): number {
    return this.requests.apiEndpoints().length;
  }

  private rows(): Promise<InstanceRow[]> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > ROWS_TTL_MS) {
      const rows = this.dataSource.query<Array<Record<string, unknown>>>(INSTANCE_ROWS_SQL).then((found) => found.map(toInstanceRow));
      this.cache = { at: now, rows };
      // A failed read is not remembered: the next reader asks again.
      rows.catch(() => (this.cache = undefined));
    }
    return this.cache.rows;
  }
}
