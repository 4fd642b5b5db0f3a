import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTIONS, type AuditPage, type SystemActionName, type SystemActionResult } from '@aiparksit/shared';
import type { UserPrincipal } from '../access/index.js';
import { AnalyticsService } from '../analytics/index.js';
import { AuditLog, type AuditListInput } from '../audit/index.js';
import { BookingLifecycleJob } from '../bookings/index.js';
import { HarvestService } from '../harvest/index.js';
import { MetricsService } from '../metrics/index.js';
import { NotificationsService } from '../notifications/index.js';
import { OutboxService } from '../outbox/index.js';
import { UsersService } from '../users/index.js';
import { AdminActionsException } from './admin-actions.exception.js';
import type { SystemActionRequestDto } from './dto/system-actions.dto.js';

/** The actions this module runs; `export-diagnostics` is the system status module's. */
export type QuickAction = Exclude<SystemActionName, 'export-diagnostics'>;
export const QUICK_ACTIONS = SYSTEM_ACTIONS.filter((name): name is QuickAction => name !== 'export-diagnostics');

/** The longest range `recompute-rollups` takes: a year, leap day included. */
export const MAX_RECOMPUTE_DAYS = 366;

interface Done {
  target: string | null;
  message: string;
  details: Record<string, unknown>;
}

const DAY_MS = 86_400_000;

/**
 * The status page's quick actions. Each is refused to non-admins (the controller), checked, done
 * for real through the module that owns what it touches, and audited with its outcome, failures
 * included: an action that throws answers `outcome: 'failed'` with the reason, and the audit says
 * so. A request that is refused before anything is done (unknown action, bad body) is not audited.
 */
@Injectable()
export class AdminActionsService {
  private readonly logger = new Logger('AdminActions');
  private readonly instance = `${hostname()} (pid ${process.pid})`;

  constructor(
    private readonly audit: AuditLog,
    private readonly outbox: OutboxService,
    private readonly lifecycle: BookingLifecycleJob,
    private readonly harvest: HarvestService,
    private readonly analytics: AnalyticsService,
    private readonly metrics: MetricsService,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  async run(actor: UserPrincipal, name: string, body: SystemActionRequestDto): Promise<SystemActionResult> {
    const action = QUICK_ACTIONS.find((known) => known === name);
    if (!action) throw new AdminActionsException('unknown_action', `No quick action is called "${name}".`, { actions: QUICK_ACTIONS });
    const target = this.check(action, body);

    let outcome: 'succeeded' | 'failed' = 'succeeded';
    let done: Done;
    try {
      done = await this.perform(action, body, actor);
    } catch (error) {
      outcome = 'failed';
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Quick action ${action} failed: ${reason}`);
      done = { target, message: `Failed: ${reason}`, details: { error: reason } };
    }
    const entry = await this.audit.record({ actorId: actor.userId, action, target: done.target, outcome, message: done.message, details: done.details });
    return { action, outcome, message: done.message, details: done.details, auditId: entry.id };
  }

  listAudit(query: AuditListInput): Promise<AuditPage> {
    return this.audit.list(query);
  }

  /** The fields each action needs, checked before anything is done; answers the audit's target. */
  private check(action: QuickAction, body: SystemActionRequestDto): string | null {
    const unexpected = Object.entries({ client: body.client, from: body.from, to: body.to, recipient: body.recipient })
      .filter(([, value]) => value !== undefined)
      .map(([field]) => field)
      .filter((field) => !FIELDS_OF[action].includes(field));
    if (unexpected.length) throw invalid(unexpected[0]!, `${action} takes no ${unexpected.join(', ')}.`);
    switch (action) {
      case 'lift-harvest-block':
        if (!body.client) throw invalid('client', 'client is required: the client whose block to lift.');
        return body.client;
      case 'recompute-rollups': {
        if (!body.from) throw invalid('from', 'from is required: the first local day.');
        if (!body.to) throw invalid('to', 'to is required: the last local day.');
        const days = (Date.parse(`${body.to}T00:00:00Z`) - Date.parse(`${body.from}T00:00:00Z`)) / DAY_MS + 1;
        if (days < 1) throw invalid('to', 'to must not be before from.');
        if (days > MAX_RECOMPUTE_DAYS) throw invalid('to', `At most ${MAX_RECOMPUTE_DAYS} days at once.`);
        return `${body.from}..${body.to}`;
      }
      case 'send-test-email':
        return body.recipient ?? null;
      default:
        return null;
    }
  }

  private async perform(action: QuickAction, body: SystemActionRequestDto, actor: UserPrincipal): Promise<Done> {
    switch (action) {
      case 'retry-failed-emails': {
        const ids = await this.outbox.retryFailed();
        return {
          target: null,
          message: ids.length === 0 ? 'No failed emails to retry.' : `${ids.length} failed email${ids.length === 1 ? '' : 's'} queued again.`,
          details: { queued: ids.length, outboxIds: ids.slice(0, 100) },
        };
      }
      case 'release-lapsed-holds': {
        const round = await this.lifecycle.runNow();
        if (!round) throw new Error('The booking lifecycle round failed; the API log says why.');
        return {
          target: null,
          message: `Released ${round.expiredHolds} lapsed hold${round.expiredHolds === 1 ? '' : 's'} and ${round.lapsedExtensions} lapsed extension${round.lapsedExtensions === 1 ? '' : 's'}; completed ${round.completed} finished booking${round.completed === 1 ? '' : 's'}.`,
          details: { ...round },
        };
      }
      case 'lift-harvest-block': {
        const client = body.client!;
        const lifted = await this.harvest.liftBlock(client, actor.userId);
        return {
          target: client,
          message: lifted
            ? `Lifted the harvesting block of ${client}.`
            : `${client} had no running block here; the lift is recorded, so any instance still refusing it lets it in.`,
          details: { client, heldHere: lifted },
        };
      }
      case 'reload-canaries': {
        const count = await this.harvest.reloadCanaries();
        if (count === undefined) throw new Error('The canary facilities could not be read; the previous ones stay in force.');
        return {
          target: null,
          message: `${count} canary facilit${count === 1 ? 'y' : 'ies'} loaded on this instance (the others reload on their own schedule).`,
          details: { canaryFacilities: count, instance: this.instance },
        };
      }
      case 'recompute-rollups': {
        const { from, to } = body as { from: string; to: string };
        const started = Date.now();
        const { days, facilities } = await this.analytics.recomputeRollups(from, to);
        const analyticsMs = Date.now() - started;
        await this.metrics.recomputeRollups();
        const metricsMs = Date.now() - started - analyticsMs;
        return {
          target: `${from}..${to}`,
          message: `Operator analytics rollups of ${facilities} facilities over ${days} days (${from} to ${to}, widened to whole months) and every investor metrics rollup recomputed.`,
          details: { from, to, analyticsDays: days, facilities, analyticsMs, metricsMs },
        };
      }
      case 'send-test-email': {
        const me = await this.users.view(actor.userId);
        const to = body.recipient ?? me.email;
        const receipt = await this.notifications.sendTestEmail(to, `${me.name} (${me.email})`, this.instance);
        return { target: to, message: `Test email to ${to} queued (outbox message ${receipt.outboxId}).`, details: { to, outboxId: receipt.outboxId } };
      }
    }
  }
}

const FIELDS_OF: Record<QuickAction, readonly string[]> = {
  'retry-failed-emails': [],
  'release-lapsed-holds': [],
  'lift-harvest-block': ['client'],
  'reload-canaries': [],
  'recompute-rollups': ['from', 'to'],
  'send-test-email': ['recipient'],
};

function invalid(field: string, message: string): AdminActionsException {
  return new AdminActionsException('invalid_action_request', message, { field });
}
