import { Injectable } from '@nestjs/common';
import {
  dateInZone,
  GROWTH_ROLES,
  SPACE_TYPE_KEYS,
  type CityMarket,
  type DriverCohort,
  type FunnelStep,
  type GrowthMetrics,
  type InvestorOverview,
  type MarketMetrics,
  type MetricFigure,
  type MetricsPeriod,
  type MetricsQuery,
  type MetricUnit,
  type RevenueAmounts,
  type RevenueMetrics,
  type RevenueSlice,
} from '@aiparksit/shared';
import { AppConfig } from '../config/index.js';
import { emptySums, FxConverter, MoneyPot, toAmounts, type LedgerSums } from './fx.js';
import { MetricsRepository, type MoneyRow, type PeriodParams, type StayRow, type SupplyRow, type TopRow } from './metrics.repository.js';
import { dateOf, dayNumber, resolvePeriod, weekdayCounts, type Bucket, type ResolvedPeriod } from './period.js';

const US_PER_HOUR = 3_600_000_000;
const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
};
/** Half away from zero, to a whole number. */
const whole = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
const ratio = (part: number, of: number, decimals = 2) => (of === 0 ? null : round((part / of) * 100, decimals));

/** A figure with its comparison and changes (see `MetricFigure`). */
export function figure(value: number | null, comparison: number | null, unit: MetricUnit, currency?: string): MetricFigure {
  const change = value === null || comparison === null ? null : round(value - comparison, 2);
  const changePercent = value === null || comparison === null || comparison === 0 ? null : round(((value - comparison) / Math.abs(comparison)) * 100, 1);
  return { value, comparison, change, changePercent, unit, ...(currency ? { currency } : {}) };
}

const sumsOf = (row: MoneyRow | TopRow): LedgerSums => ({ gross: row.gross, fee: row.fee, refund: row.refund, refundFee: row.refundFee, paid: row.paid });

interface Context {
  period: ResolvedPeriod;
  fx: FxConverter;
  params: PeriodParams;
  /** First day of a rate segment (any day of it converts at the same rates). */
  segStart: (seg: number) => string;
}

/** Listed supply from the change log: state at the end of a day and open space-minutes over days. */
class Supply {
  constructor(private readonly rows: SupplyRow[]) {}

  private select(key?: string) {
    return key ? this.rows.filter((r) => `${r.country}:${r.city}` === key) : this.rows;
  }

  at(day: string, key?: string): { facilities: number; spaces: number[] } {
    const spaces = [0, 0, 0, 0, 0];
    let facilities = 0;
    for (const r of this.select(key)) {
      if (r.day > day) break;
      facilities += r.facilities;
      r.spaces.forEach((n, i) => (spaces[i]! += n));
    }
    return { facilities, spaces };
  }

  /** Space-minutes the listed spaces were open over [from, to] (each local day by its weekday's opening hours). */
  openMinutes(from: string, to: string, key?: string): number {
    const a = dayNumber(from)!;
    const b = dayNumber(to)!;
    let total = 0;
    for (const r of this.select(key)) {
      if (r.day > to) break;
      const counts = weekdayCounts(Math.max(a, dayNumber(r.day)!), b);
      for (let w = 0; w < 7; w++) total += r.open[w]! * counts[w]!;
    }
    return total;
  }

  /** Cities with listed supply at some point (a change log may hold rows that cancel out, e.g. a facility moved the day it was listed). */
  cities(): string[] {
    return [...new Set(this.rows.filter((r) => r.facilities !== 0 || r.spaces.some((n) => n !== 0)).map((r) => `${r.country}:${r.city}`))];
  }

  launchedOn(key: string): string | null {
    return this.select(key).find((r) => r.facilities > 0)?.day ?? null;
  }

  currencyOf(key: string): string | null {
    const counts = new Map<string, number>();
    for (const r of this.select(key)) counts.set(r.currency, (counts.get(r.currency) ?? 0) + r.facilities);
    return [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
  }
}

/** Whole months of [from, to] with no rate change inside, and the other days (top lists read months and days). */
function monthsAndDays(from: string, to: string, bounds: string[]): [string[], string[]] {
  const months: string[] = [];
  const days: string[] = [];
  const last = dayNumber(to)!;
  for (let day = dayNumber(from)!; day <= last;) {
    const date = dateOf(day);
    const d = new Date(day * 86_400_000);
    const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000 - 1;
    const monthEndDate = dateOf(monthEnd);
    if (date.endsWith('-01') && monthEnd <= last && !bounds.some((b) => b > date && b <= monthEndDate)) {
      months.push(date);
      day = monthEnd + 1;
    } else {
      days.push(date);
      day += 1;
    }
  }
  return [months, days];
}

/**
 * The investor metrics: platform aggregates read from the metrics rollups (never from raw
 * bookings or ledger lines), money converted into the reporting currency at dated rates.
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly repository: MetricsRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * Rebuilds the investor rollups, all of them: active-member gaps and cohorts are derived over a
   * member's whole history, so there is no day-range form.
   */
  recomputeRollups(): Promise<void> {
    return this.repository.recomputeRollups();
  }

  get reportingCurrency(): string {
    return this.config.values.reportingCurrency;
  }

  get reportingTimeZone(): string {
    return this.config.values.reportingTimeZone;
  }

  private async context(query: MetricsQuery): Promise<Context> {
    const period = resolvePeriod(query, this.reportingTimeZone);
    const fx = new FxConverter(await this.repository.fxRates(), this.reportingCurrency);
    const lo = period.comparisonFrom < period.from ? period.comparisonFrom : period.from;
    const hi = period.comparisonTo > period.to ? period.comparisonTo : period.to;
    const bounds = fx.bounds(lo, hi);
    return {
      period,
      fx,
      params: {
        from: period.from,
        to: period.to,
        comparisonFrom: period.comparisonFrom,
        comparisonTo: period.comparisonTo,
        granularity: period.granularity,
        bounds,
      },
      segStart: (seg) => (seg === 0 ? lo : bounds[seg - 1]!),
    };
  }

  private static publicPeriod(p: ResolvedPeriod): MetricsPeriod {
    const { buckets: _buckets, ...period } = p;
    void _buckets;
    return period;
  }

  /** Money pots: main period, comparison, per bucket, and per slice key of each period. */
  private static pots(ctx: Context, rows: MoneyRow[], sliceKey?: (row: MoneyRow) => string) {
    const main = new MoneyPot();
    const comparison = new MoneyPot();
    const buckets = new Map<string, MoneyPot>();
    const slices: [Map<string, MoneyPot>, Map<string, MoneyPot>] = [new Map(), new Map()];
    for (const row of rows) {
      const day = ctx.segStart(row.seg);
      const sums = sumsOf(row);
      (row.p === 0 ? main : comparison).add(ctx.fx, row.currency, day, sums);
      if (row.p === 0 && row.bucket !== null) {
        let pot = buckets.get(row.bucket);
        if (!pot) buckets.set(row.bucket, (pot = new MoneyPot()));
        pot.add(ctx.fx, row.currency, day, sums);
      }
      if (sliceKey) {
        const key = sliceKey(row);
        const map = slices[row.p]!;
        let pot = map.get(key);
        if (!pot) map.set(key, (pot = new MoneyPot()));
        pot.add(ctx.fx, row.currency, day, sums);
      }
    }
    return { main, comparison, buckets, slices };
  }

  private static stayTotals(rows: StayRow[]) {
    const total = [
      { us: 0, cancelled: 0 },
      { us: 0, cancelled: 0 },
    ];
    const buckets = new Map<string, number>();
    for (const row of rows) {
      total[row.p]!.us += row.bookedUs;
      total[row.p]!.cancelled += row.cancelled;
      if (row.p === 0 && row.bucket !== null) buckets.set(row.bucket, (buckets.get(row.bucket) ?? 0) + row.bookedUs);
    }
    return { main: total[0]!, comparison: total[1]!, buckets };
  }

  private static byCurrency(main: MoneyPot, comparison: MoneyPot, pick: (s: LedgerSums) => number) {
    const a = main.byCurrency();
    const b = comparison.byCurrency();
    return [...new Set([...a.keys(), ...b.keys()])].sort().map((currency) => ({
      currency,
      value: pick(a.get(currency) ?? emptySums()),
      comparison: pick(b.get(currency) ?? emptySums()),
    }));
  }

  async overview(query: MetricsQuery): Promise<InvestorOverview> {
    const ctx = await this.context(query);
    const { period } = ctx;
    const [money, stays, supplyRows, signups, drivers, operators] = await Promise.all([
      this.repository.money(ctx.params),
      this.repository.stays(ctx.params),
      this.repository.supply(period.to > period.comparisonTo ? period.to : period.comparisonTo),
      this.repository.signups(ctx.params, period.buckets, this.reportingTimeZone),
      this.repository.activeMembers('driver', [
        { from: period.from, to: period.to },
        { from: period.comparisonFrom, to: period.comparisonTo },
        ...period.buckets,
      ]),
      this.repository.activeMembers('operator', [
        { from: period.from, to: period.to },
        { from: period.comparisonFrom, to: period.comparisonTo },
      ]),
    ]);
    const pots = MetricsService.pots(ctx, money);
    const value = pots.main.converted(ctx.fx);
    const before = pots.comparison.converted(ctx.fx);
    const stay = MetricsService.stayTotals(stays);
    const supply = new Supply(supplyRows);
    const open = [supply.openMinutes(period.from, period.to), supply.openMinutes(period.comparisonFrom, period.comparisonTo)];
    const listed = [supply.at(period.to), supply.at(period.comparisonTo)];
    const newDrivers = [0, 1].map((p) => signups.filter((s) => s.p === p && s.role === 'driver').reduce((n, s) => n + s.users, 0));
    const currency = this.reportingCurrency;
    const both = <T>(f: (a: RevenueAmounts, s: { us: number; cancelled: number }, i: number) => T): [T, T] => [
      f(value, stay.main, 0),
      f(before, stay.comparison, 1),
    ];

    const gmv = both((a) => a.gmvCents);
    const net = both((a) => a.netRevenueCents);
    const figures: InvestorOverview['figures'] = {
      gmv: { ...figure(gmv[0], gmv[1], 'money', currency), byCurrency: MetricsService.byCurrency(pots.main, pots.comparison, (s) => s.gross) },
      netRevenue: {
        ...figure(net[0], net[1], 'money', currency),
        byCurrency: MetricsService.byCurrency(pots.main, pots.comparison, (s) => s.fee + s.refundFee),
      },
      takeRate: figure(...both((a) => ratio(a.netRevenueCents, a.gmvCents)), 'percent'),
      paidBookings: figure(...both((a) => a.paidBookings), 'count'),
      bookedHours: figure(...both((_a, s) => round(s.us / US_PER_HOUR, 2)), 'hours'),
      averageBookingValue: {
        ...figure(...both((a) => (a.paidBookings === 0 ? null : whole(a.gmvCents / a.paidBookings))), 'money', currency),
        // Per currency: that currency's gross over its paid bookings (0 when it had none).
        byCurrency: MetricsService.byCurrency(pots.main, pots.comparison, (s) => (s.paid === 0 ? 0 : whole(s.gross / s.paid))),
      },
      cancellationRate: figure(...both((a, s) => ratio(s.cancelled, a.paidBookings)), 'percent'),
      refundRate: figure(...both((a) => ratio(-a.refundCents, a.gmvCents)), 'percent'),
      activeDrivers: figure(drivers[0]!.active, drivers[1]!.active, 'count'),
      newDrivers: figure(newDrivers[0]!, newDrivers[1]!, 'count'),
      activeOperators: figure(operators[0]!.active, operators[1]!.active, 'count'),
      listedFacilities: figure(listed[0]!.facilities, listed[1]!.facilities, 'count'),
      listedSpaces: figure(
        listed[0]!.spaces.reduce((x, y) => x + y, 0),
        listed[1]!.spaces.reduce((x, y) => x + y, 0),
        'count',
      ),
      occupancy: figure(...both((_a, s, i) => ratio(s.us, open[i]! * 60_000_000)), 'percent'),
      revPash: figure(...both((a, _s, i) => (open[i] === 0 ? null : round(a.gmvCents / (open[i]! / 60), 2))), 'money', currency),
    };
    const series = period.buckets.map((b, i) => {
      const amounts = pots.buckets.get(b.label)?.converted(ctx.fx) ?? toAmounts(emptySums());
      return {
        bucket: b.label,
        gmvCents: amounts.gmvCents,
        netRevenueCents: amounts.netRevenueCents,
        paidBookings: amounts.paidBookings,
        activeDrivers: drivers[i + 2]!.active,
        occupancyPercent: ratio(stay.buckets.get(b.label) ?? 0, supply.openMinutes(b.from, b.to) * 60_000_000),
      };
    });
    return { period: MetricsService.publicPeriod(period), fx: ctx.fx.usage(), figures, series, generatedAt: new Date().toISOString() };
  }

  async revenue(query: MetricsQuery): Promise<RevenueMetrics> {
    const ctx = await this.context(query);
    const { period, fx } = ctx;
    const money = await this.repository.money(ctx.params);
    const pots = MetricsService.pots(ctx, money);
    const sliced = (key: (row: MoneyRow) => string, label: (key: string) => string): RevenueSlice[] => {
      const { slices } = MetricsService.pots(ctx, money, key);
      return [...new Set([...slices[0].keys(), ...slices[1].keys()])]
        .map((k) => {
          const a = slices[0].get(k)?.converted(fx) ?? toAmounts(emptySums());
          const b = slices[1].get(k)?.converted(fx) ?? toAmounts(emptySums());
          return {
            key: k,
            label: label(k),
            ...a,
            comparison: b,
            gmvChangePercent: b.gmvCents === 0 ? null : round(((a.gmvCents - b.gmvCents) / Math.abs(b.gmvCents)) * 100, 1),
          };
        })
        .sort((x, y) => y.gmvCents - x.gmvCents || (x.key < y.key ? -1 : 1));
    };

    // Unconverted: each currency's own amounts.
    const raw = [new Map<string, LedgerSums>(), new Map<string, LedgerSums>()];
    const rawBuckets = new Map<string, Map<string, LedgerSums>>();
    for (const row of money) {
      const sums = raw[row.p]!.get(row.currency) ?? emptySums();
      raw[row.p]!.set(row.currency, sums);
      addInto(sums, row);
      if (row.p === 0 && row.bucket !== null) {
        const perBucket = rawBuckets.get(row.currency) ?? new Map<string, LedgerSums>();
        rawBuckets.set(row.currency, perBucket);
        const b = perBucket.get(row.bucket) ?? emptySums();
        perBucket.set(row.bucket, b);
        addInto(b, row);
      }
    }
    const currencies = [...new Set([...raw[0]!.keys(), ...raw[1]!.keys()])].sort();
    const byCurrency: RevenueSlice[] = currencies
      .map((c) => {
        const a = toAmounts(raw[0]!.get(c) ?? emptySums());
        const b = toAmounts(raw[1]!.get(c) ?? emptySums());
        return {
          key: c,
          label: c,
          ...a,
          comparison: b,
          gmvChangePercent: b.gmvCents === 0 ? null : round(((a.gmvCents - b.gmvCents) / Math.abs(b.gmvCents)) * 100, 1),
        };
      })
      .sort((x, y) => y.gmvCents - x.gmvCents || (x.key < y.key ? -1 : 1));

    const [topFacilities, topOperators] = await Promise.all([this.top(ctx, money, 'facility'), this.top(ctx, money, 'operator')]);
    return {
      period: MetricsService.publicPeriod(period),
      totals: pots.main.converted(fx),
      comparisonTotals: pots.comparison.converted(fx),
      series: period.buckets.map((b) => ({ bucket: b.label, ...(pots.buckets.get(b.label)?.converted(fx) ?? toAmounts(emptySums())) })),
      seriesByCurrency: [...rawBuckets.keys()].sort().map((currency) => ({
        currency,
        buckets: period.buckets.map((b) => ({ bucket: b.label, ...toAmounts(rawBuckets.get(currency)!.get(b.label) ?? emptySums()) })),
      })),
      byCountry: sliced(
        (r) => r.country,
        (k) => k,
      ),
      byCity: sliced(
        (r) => `${r.country}:${r.city}`,
        (k) => k.slice(3),
      ),
      byCurrency,
      bySpaceType: sliced(
        (r) => r.spaceType,
        (k) => k,
      ),
      topFacilities,
      topOperators,
      fx: fx.usage(),
      generatedAt: new Date().toISOString(),
    };
  }

  /** Rate pairs of each (currency, segment) the main period's money met, for ranking in SQL. */
  private static factors(ctx: Context, money: MoneyRow[]) {
    const seen = new Map<string, { currency: string; seg: number; key: string; from: string; to: string }>();
    for (const row of money) {
      if (row.p !== 0 || seen.has(`${row.currency}|${row.seg}`)) continue;
      const key = ctx.fx.keyFor(row.currency, ctx.segStart(row.seg));
      if (key === null) continue;
      const [from, to] = ctx.fx.micros(row.currency, key);
      seen.set(`${row.currency}|${row.seg}`, { currency: row.currency, seg: row.seg, key, from: String(from), to: String(to) });
    }
    return [...seen.values()];
  }

  private async top(ctx: Context, money: MoneyRow[], by: 'facility' | 'operator'): Promise<RevenueSlice[]> {
    const { period, params } = ctx;
    const main = monthsAndDays(period.from, period.to, params.bounds);
    const comparison = monthsAndDays(period.comparisonFrom, period.comparisonTo, params.bounds);
    const rows = await this.repository.top(by, [main[0], comparison[0]], [main[1], comparison[1]], params.bounds, MetricsService.factors(ctx, money), 10);
    const pots = new Map<string, [MoneyPot, MoneyPot]>();
    for (const row of rows) {
      let pair = pots.get(row.id);
      if (!pair) pots.set(row.id, (pair = [new MoneyPot(), new MoneyPot()]));
      pair[row.p]!.add(ctx.fx, row.currency, ctx.segStart(row.seg), sumsOf(row));
    }
    const labels = new Map((await this.repository.labels(by, [...pots.keys()])).map((l) => [l.id, l.label]));
    return [...pots.entries()]
      .map(([id, [a, b]]) => {
        const x = a.converted(ctx.fx);
        const y = b.converted(ctx.fx);
        return {
          key: id,
          label: labels.get(id) ?? id,
          ...x,
          comparison: y,
          gmvChangePercent: y.gmvCents === 0 ? null : round(((x.gmvCents - y.gmvCents) / Math.abs(y.gmvCents)) * 100, 1),
        };
      })
      .sort((x, y) => y.gmvCents - x.gmvCents || (x.key < y.key ? -1 : 1));
  }

  async growth(query: MetricsQuery): Promise<GrowthMetrics> {
    const ctx = await this.context(query);
    const { period } = ctx;
    const today = dateInZone(this.reportingTimeZone);
    const [signups, drivers, supplyRows, cohortRows, funnelRows] = await Promise.all([
      this.repository.signups(ctx.params, period.buckets, this.reportingTimeZone),
      this.repository.activeMembers('driver', [
        { from: period.from, to: period.to },
        { from: period.comparisonFrom, to: period.comparisonTo },
        ...period.buckets,
      ]),
      this.repository.supply(period.to > period.comparisonTo ? period.to : period.comparisonTo),
      this.repository.cohorts(period.from.slice(0, 7), period.to.slice(0, 7)),
      this.repository.funnel(period.from, period.to, this.reportingTimeZone),
    ]);
    const perBucket = new Map(period.buckets.map((b) => [b.label, { bucket: b.label, driver: 0, operator: 0, investor: 0, admin: 0 }]));
    const totals = [0, 1].map(() => ({ driver: 0, operator: 0, investor: 0, admin: 0 }) as Record<string, number>);
    for (const s of signups) {
      totals[s.p]![s.role] = (totals[s.p]![s.role] ?? 0) + s.users;
      const b = s.bucket === null ? undefined : perBucket.get(s.bucket);
      const role = s.role as (typeof GROWTH_ROLES)[number];
      if (b && GROWTH_ROLES.includes(role)) b[role] += s.users;
    }
    const supply = new Supply(supplyRows);
    const end = [supply.at(period.to), supply.at(period.comparisonTo)];
    const spaces = (x: { spaces: number[] }) => x.spaces.reduce((a, b) => a + b, 0);
    return {
      period: MetricsService.publicPeriod(period),
      signups: [...perBucket.values()],
      signupTotals: Object.fromEntries(GROWTH_ROLES.map((r) => [r, figure(totals[0]![r]!, totals[1]![r]!, 'count')])) as GrowthMetrics['signupTotals'],
      activeDrivers: period.buckets.map((b, i) => {
        const d = drivers[i + 2]!;
        return { bucket: b.label, drivers: d.active, newDrivers: d.fresh, returningDrivers: d.active - d.fresh };
      }),
      activeDriverTotal: figure(drivers[0]!.active, drivers[1]!.active, 'count'),
      cohorts: cohortsOf(cohortRows, today.slice(0, 7)),
      operatorFunnel: funnelOf(funnelRows),
      supply: period.buckets.map((b) => {
        const s = supply.at(b.to);
        return { bucket: b.label, facilities: s.facilities, spaces: spaces(s) };
      }),
      supplyTotals: { facilities: figure(end[0]!.facilities, end[1]!.facilities, 'count'), spaces: figure(spaces(end[0]!), spaces(end[1]!), 'count') },
      generatedAt: new Date().toISOString(),
    };
  }

  async market(query: MetricsQuery): Promise<MarketMetrics> {
    const ctx = await this.context(query);
    const { period, fx, params } = ctx;
    const main = monthsAndDays(period.from, period.to, params.bounds);
    const [money, stays, supplyRows, prices, heat] = await Promise.all([
      this.repository.money(ctx.params),
      this.repository.stays(ctx.params),
      this.repository.supply(period.to),
      this.repository.prices(),
      this.repository.heatmap(period.from, period.to),
    ]);
    const cityOperators = await this.repository.cityOperators(main, params.bounds, MetricsService.factors(ctx, money));
    const cityKey = (r: { country: string; city: string }) => `${r.country}:${r.city}`;
    const { slices } = MetricsService.pots(ctx, money, cityKey);
    const supply = new Supply(supplyRows);
    const booked = new Map<string, number>();
    for (const s of stays) if (s.p === 0) booked.set(cityKey(s), (booked.get(cityKey(s)) ?? 0) + s.bookedUs);
    const priceOf = new Map(prices.map((p) => [cityKey(p), p]));

    const operatorGmv = new Map<string, { id: string | null; gmv: number }[]>();
    for (const row of cityOperators) {
      const list = operatorGmv.get(cityKey(row)) ?? [];
      operatorGmv.set(cityKey(row), list);
      list.push({ id: row.id, gmv: Number(row.gmv) });
    }
    const operatorIds = [...new Set(cityOperators.flatMap((r) => (r.id === null ? [] : [r.id])))];
    const operatorLabels = new Map((await this.repository.labels('operator', operatorIds)).map((l) => [l.id, l.label]));

    const keys = [...new Set([...supply.cities(), ...slices[0].keys(), ...slices[1].keys(), ...priceOf.keys()])].sort();
    const cities: CityMarket[] = keys.map((key) => {
      const [countryCode, ...rest] = key.split(':');
      const city = rest.join(':');
      const a = slices[0].get(key)?.converted(fx) ?? toAmounts(emptySums());
      const b = slices[1].get(key)?.converted(fx) ?? toAmounts(emptySums());
      const at = supply.at(period.to, key);
      const open = supply.openMinutes(period.from, period.to, key);
      const us = booked.get(key) ?? 0;
      const price = priceOf.get(key);
      const parts = operatorGmv.get(key) ?? [];
      const cityGmv = parts.reduce((n, s) => n + s.gmv, 0);
      const top = parts
        .filter((s) => s.id !== null)
        .sort((x, y) => y.gmv - x.gmv || (x.id! < y.id! ? -1 : 1))
        .map((s) => ({ operator: operatorLabels.get(s.id!) ?? s.id!, gmvCents: s.gmv, sharePercent: ratio(s.gmv, cityGmv, 1) ?? 0 }));
      const others = parts.find((s) => s.id === null);
      if (others) top.push({ operator: 'Others', gmvCents: others.gmv, sharePercent: ratio(others.gmv, cityGmv, 1) ?? 0 });
      return {
        key,
        city,
        countryCode: countryCode!,
        currency: supply.currencyOf(key) ?? money.find((m) => cityKey(m) === key)?.currency ?? this.reportingCurrency,
        latitude: price?.latitude ?? 0,
        longitude: price?.longitude ?? 0,
        launchedOn: supply.launchedOn(key),
        facilities: at.facilities,
        spaces: at.spaces.reduce((x, y) => x + y, 0),
        spacesByType: Object.fromEntries(SPACE_TYPE_KEYS.map((t, i) => [t, at.spaces[i]!])) as CityMarket['spacesByType'],
        paidBookings: a.paidBookings,
        bookedHours: round(us / US_PER_HOUR, 2),
        occupancyPercent: ratio(us, open * 60_000_000),
        gmvCents: a.gmvCents,
        comparisonGmvCents: b.gmvCents,
        growthPercent: b.gmvCents === 0 ? null : round(((a.gmvCents - b.gmvCents) / Math.abs(b.gmvCents)) * 100, 1),
        growthRank: 0,
        averagePricePerHourCents: price?.average == null ? null : whole(price.average),
        medianPricePerHourCents: price?.p50 == null ? null : whole(price.p50),
        p10PricePerHourCents: price?.p10 == null ? null : whole(price.p10),
        p90PricePerHourCents: price?.p90 == null ? null : whole(price.p90),
        revPashCents: open === 0 ? null : round(a.gmvCents / (open / 60), 2),
        operatorShares: top,
      };
    });
    [...cities]
      .sort((x, y) => {
        if (x.growthPercent === null || y.growthPercent === null)
          return x.growthPercent === null ? (y.growthPercent === null ? (x.key < y.key ? -1 : 1) : 1) : -1;
        return y.growthPercent - x.growthPercent || (x.key < y.key ? -1 : 1);
      })
      .forEach((c, i) => (c.growthRank = i + 1));

    const cells = new Map(heat.map((h) => [`${h.weekday}:${h.hour}`, h.bookedUs]));
    const busiest = Math.max(0, ...heat.map((h) => h.bookedUs));
    const demandHeatmap = [];
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const us = cells.get(`${weekday}:${hour}`) ?? 0;
        demandHeatmap.push({ weekday, hour, bookedHours: round(us / US_PER_HOUR, 2), intensityPercent: busiest <= 0 ? 0 : round((us / busiest) * 100, 1) });
      }
    }
    return { period: MetricsService.publicPeriod(period), fx: fx.usage(), cities, demandHeatmap, generatedAt: new Date().toISOString() };
  }
}

function addInto(sums: LedgerSums, row: MoneyRow): void {
  sums.gross += row.gross;
  sums.fee += row.fee;
  sums.refund += row.refund;
  sums.refundFee += row.refundFee;
  sums.paid += row.paid;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The retention triangle: each cohort's share active in each month since its first, up to the current month. */
export function cohortsOf(rows: { cohort: string; month: string; drivers: number }[], currentMonth: string): DriverCohort[] {
  const byCohort = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const m = byCohort.get(r.cohort) ?? new Map<number, number>();
    byCohort.set(r.cohort, m);
    m.set(monthIndex(r.month) - monthIndex(r.cohort), Number(r.drivers));
  }
  return [...byCohort.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([month, cells]) => {
      const drivers = cells.get(0) ?? 0;
      const span = Math.max(0, monthIndex(currentMonth) - monthIndex(month));
      const retention = Array.from({ length: span + 1 }, (_, k) => (drivers === 0 ? 0 : round(((cells.get(k) ?? 0) / drivers) * 100, 1)));
      return { month, drivers, retention };
    });
}

const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Applied → approved → first facility published → first paid booking, of the operators who applied in the period. */
export function funnelOf(rows: { appliedAt: Date; approvedAt: Date | null; firstPublishedAt: Date | null; firstPaidAt: Date | null }[]): FunnelStep[] {
  const steps: FunnelStep['step'][] = ['applied', 'approved', 'first_facility_published', 'first_paid_booking'];
  const times = (r: (typeof rows)[number]) => [r.appliedAt, r.approvedAt, r.firstPublishedAt, r.firstPaidAt].map((t) => (t ? new Date(t).getTime() : null));
  let reached = rows.map(times);
  const out: FunnelStep[] = [];
  steps.forEach((step, i) => {
    const previous = reached.length;
    if (i > 0) reached = reached.filter((t) => t[i] !== null);
    out.push({
      step,
      operators: reached.length,
      conversionPercent: i === 0 ? null : ratio(reached.length, previous, 1),
      medianDaysFromPrevious:
        i === 0
          ? null
          : (() => {
              const m = median(reached.map((t) => (t[i]! - t[i - 1]!) / 86_400_000));
              return m === null ? null : round(m, 1);
            })(),
    });
  });
  return out;
}

export type { Bucket };
