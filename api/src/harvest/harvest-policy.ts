import type { AppConfigValues } from '../config/index.js';
import type { ClientClass } from './harvest-client.js';
import type { ReadRule } from './harvest-store.js';

/** The guard's settings, from configuration. */
export interface HarvestPolicy {
  enabled: boolean;
  rules: Record<ClientClass, ReadRule>;
  canaryBlockMs: number;
  canaryRefreshMs: number;
}

type HarvestSettings = Pick<
  AppConfigValues,
  | 'harvestEnabled'
  | 'harvestWindowMs'
  | 'harvestLimitAnonymous'
  | 'harvestLimitSignedIn'
  | 'harvestLimitApiKey'
  | 'harvestLimitAutomation'
  | 'harvestBlockMs'
  | 'harvestCanaryBlockMs'
  | 'harvestCanaryRefreshMs'
>;

export function harvestPolicyFromConfig(values: HarvestSettings): HarvestPolicy {
  const rule = (limit: number): ReadRule => ({ windowMs: values.harvestWindowMs, limit, blockMs: values.harvestBlockMs });
  return {
    enabled: values.harvestEnabled,
    rules: {
      'api-key': rule(values.harvestLimitApiKey),
      'signed-in': rule(values.harvestLimitSignedIn),
      anonymous: rule(values.harvestLimitAnonymous),
      automation: rule(values.harvestLimitAutomation),
    },
    canaryBlockMs: values.harvestCanaryBlockMs,
    canaryRefreshMs: values.harvestCanaryRefreshMs,
  };
}
