import { Injectable, Logger } from '@nestjs/common';
import { IANAZone } from 'luxon';
import { DataSource } from 'typeorm';
import type { CreateReportSubscriptionRequest, ReportSubscription } from '@aiparksit/shared';
import type { UserPrincipal } from '../access/index.js';
import { isUniqueViolation } from '../database/index.js';
import { INVESTOR_REPORT_EMAIL, type InvestorReportPayload } from '../notifications/index.js';
import { OutboxService } from '../outbox/index.js';
import { lastFullMonth, nextMonthlySendAt } from './monthly-schedule.js';
import { ReportSubscriptionsException } from './report-subscriptions.exception.js';
import { ReportSubscriptionsRepository, type ReportSubscriptionRecord } from './report-subscriptions.repository.js';
import { fieldError } from '../common/errors/index.js';

function toView(record: ReportSubscriptionRecord): ReportSubscription {
  return {
    id: record.id,
    type: record.type,
    timeZone: record.timeZone,
    comparison: record.comparison,
    createdAt: record.createdAt.toISOString(),
    lastSentMonth: record.lastSentMonth,
    nextSendAt: record.nextSendAt.toISOString(),
  };
}

const notFound = () => new ReportSubscriptionsException('subscription_not_found', 'No such report subscription.');

/**
 * Monthly emailed reports. Everyone, admins included, sees and changes only their own
 * subscriptions: a subscription is a personal mail preference, not an object to administer.
 */
@Injectable()
export class ReportSubscriptionsService {
  private readonly logger = new Logger('ReportSubscriptions');

  constructor(
    private readonly repository: ReportSubscriptionsRepository,
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
  ) {}

  async list(user: UserPrincipal): Promise<ReportSubscription[]> {
    return (await this.repository.listOfUser(user.userId)).map(toView);
  }

  async create(user: UserPrincipal, request: CreateReportSubscriptionRequest): Promise<ReportSubscription> {
    if (!IANAZone.isValidZone(request.timeZone)) {
      throw new ReportSubscriptionsException('invalid_subscription', 'Invalid subscription: check timeZone.', {
        fields: [fieldError('timeZone', 'invalid_format', { format: 'time_zone' }, 'timeZone must be an IANA time zone, e.g. Europe/Berlin')],
      });
    }
    let id: string;
    try {
      id = await this.repository.insert({
        userId: user.userId,
        type: request.type,
        timeZone: request.timeZone,
        comparison: request.comparison ?? 'previous_period',
        nextSendAt: nextMonthlySendAt(new Date(), request.timeZone),
      });
    } catch (error) {
      if (isUniqueViolation(error, 'report_subscriptions_user_type_key')) {
        throw new ReportSubscriptionsException('subscription_exists', `You already receive the ${request.type} report every month.`, { field: 'type' });
      }
      throw error;
    }
    return toView((await this.repository.findOfUser(user.userId, id))!);
  }

  async remove(user: UserPrincipal, id: string): Promise<void> {
    if (!(await this.repository.deleteOfUser(user.userId, id))) throw notFound();
  }

  /**
   * One round of the monthly job, in one transaction: claim due subscriptions, record the month
   * each one's report covers (once: a primary key), enqueue its email, and move `next_send_at` to
   * the next 1st. The outbox then delivers with retries. A subscriber no longer allowed to read
   * investor figures (disabled, or no longer an investor or admin) is moved on without an email,
   * so the subscription waits, silent, until the account may receive reports again.
   */
  async enqueueDue(limit: number): Promise<{ claimed: number; enqueued: number }> {
    const result = await this.dataSource.transaction(async (manager) => {
      const due = await this.repository.claimDue(manager, limit);
      let enqueued = 0;
      for (const subscription of due) {
        const now = new Date(subscription.now);
        if (subscription.eligible) {
          const month = lastFullMonth(now, subscription.timeZone);
          if (await this.repository.recordMonth(manager, subscription.id, month.from)) {
            const payload: InvestorReportPayload = {
              userId: subscription.userId,
              report: { type: subscription.type, from: month.from, to: month.to, comparison: subscription.comparison },
              subscriptionId: subscription.id,
            };
            const message = await this.outbox.enqueue(INVESTOR_REPORT_EMAIL, payload, manager);
            await this.repository.linkOutbox(manager, subscription.id, month.from, message.id);
            enqueued++;
          }
        }
        await this.repository.reschedule(manager, subscription.id, nextMonthlySendAt(now, subscription.timeZone));
      }
      return { claimed: due.length, enqueued };
    });
    if (result.enqueued) this.outbox.trigger();
    if (result.claimed) this.logger.log(`Monthly reports: ${result.claimed} subscription(s) due, ${result.enqueued} email(s) queued`);
    return result;
  }
}
