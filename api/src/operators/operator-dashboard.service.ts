import { Injectable } from '@nestjs/common';
import type { OperatorDashboard } from '@aiparksit/shared';
import type { UserPrincipal } from '../access/index.js';
import { OperatorDashboardRepository } from './operator-dashboard.repository.js';
import { OperatorsException } from './operators.exception.js';
import { OperatorsRepository } from './operators.repository.js';

const RECENT_BOOKINGS = 10;

/** The signed-in operator's dashboard summary; an operator account sees its own company only. */
@Injectable()
export class OperatorDashboardService {
  constructor(
    private readonly operators: OperatorsRepository,
    private readonly dashboard: OperatorDashboardRepository,
  ) {}

  async forOwner(user: UserPrincipal, now = new Date()): Promise<OperatorDashboard> {
    const operator = await this.operators.findByOwner(user.userId);
    if (!operator) throw new OperatorsException('operator_not_found', 'You have no operator company yet: start with POST /api/operator/onboarding.');
    const [facilities, revenue, recent] = await Promise.all([
      this.dashboard.facilities(operator.id, now),
      this.dashboard.revenue(operator.id, now),
      this.dashboard.recentBookings(operator.id, RECENT_BOOKINGS),
    ]);
    const capacity = facilities.reduce((sum, f) => sum + f.capacity, 0);
    const occupied = facilities.reduce((sum, f) => sum + f.occupiedNow, 0);
    return {
      operator: { id: operator.id, displayName: operator.displayName, status: operator.status },
      generatedAt: now.toISOString(),
      facilities: facilities.map(({ arrivalsToday: _a, departuresToday: _d, ...f }) => f),
      occupancyNow: { occupied, capacity, percent: capacity === 0 ? 0 : Math.round((1000 * occupied) / capacity) / 10 },
      revenue: revenue.map((r) => ({
        currency: r.currency,
        todayGrossCents: Number(r.todayGross),
        todayNetCents: Number(r.todayNet),
        monthGrossCents: Number(r.monthGross),
        monthNetCents: Number(r.monthNet),
      })),
      today: {
        arrivals: facilities.reduce((sum, f) => sum + f.arrivalsToday, 0),
        departures: facilities.reduce((sum, f) => sum + f.departuresToday, 0),
      },
      recentBookings: recent.map((b) => ({ ...b, start: b.start.toISOString(), end: b.end.toISOString(), createdAt: b.createdAt.toISOString() })),
    };
  }
}
