import type { ActiveUsers, ApiInstancesCard, RouteFigures } from '@aiparksit/shared';

/** What the telemetry module knows of the API instances (their heartbeats), the active users and the routes, across instances. */
export abstract class ApiFigures {
  abstract apiCard(): Promise<ApiInstancesCard>;
  abstract activeUsers(): Promise<ActiveUsers>;
  abstract routes(): Promise<RouteFigures[]>;
}
