/**
 * The printed report: the body of the page (cover, figures, tables, definitions, exchange rates)
 * and the charts to draw in it. Pure: the same data gives the same document.
 */
import { METRIC_DEFINITIONS, OVERVIEW_METRICS, type InvestorOverview, type MetricFigure, type RevenueAmounts, type RevenueSlice } from '@aiparksit/shared';
import { fxOfReport, REPORT_TITLES, type ReportData } from '../report-data.js';
import {
  formatChangePercent,
  formatCount,
  formatFigureChange,
  formatFigureValue,
  formatGeneratedAt,
  formatHours,
  formatMoney,
  formatPercent,
  formatPeriod,
  formatRate,
  minorDigits,
} from '../report-format.js';
import { REPORT_DEFINITIONS } from './report-definitions.js';
import { html, type SafeHtml } from './html.js';

/** A chart the page draws with chart.js; values in the unit `axis` says (money in minor units). */
export interface ChartSpec {
  id: string;
  title: string;
  kind: 'bar' | 'line';
  labels: string[];
  datasets: { label: string; data: (number | null)[]; kind?: 'bar' | 'line'; stack?: string; axis?: 'y' | 'y2' }[];
  stacked?: boolean;
  axis: ChartAxis;
  axis2?: ChartAxis;
}
export type ChartAxis = { unit: 'money'; currency: string; divisor: number } | { unit: 'count' | 'percent' | 'hours' };

export interface ReportDocument {
  title: string;
  /** For the footer of every page. */
  subtitle: string;
  body: string;
  charts: ChartSpec[];
}

const COMPARISON_NAMES = { previous_period: 'previous period', same_period_last_year: 'same period last year' } as const;

/** Footnotes: each definition is numbered where it is first used and listed at the end. */
class Notes {
  private readonly entries = new Map<string, { n: number; label: string; definition: string }>();

  ref(key: string, entry: { label: string; definition: string }): SafeHtml {
    let note = this.entries.get(key);
    if (!note) {
      note = { n: this.entries.size + 1, ...entry };
      this.entries.set(key, note);
    }
    return html`<sup class="note">${note.n}</sup>`;
  }

  list(): SafeHtml {
    return html`<ol class="notes">
      ${[...this.entries.values()].map((e) => html`<li value="${e.n}"><strong>${e.label}.</strong> ${e.definition}</li>`)}
    </ol>`;
  }
}

function moneyAxis(currency: string): ChartAxis {
  return { unit: 'money', currency, divisor: 10 ** minorDigits(currency) };
}

function table(head: (string | SafeHtml)[], rows: (string | SafeHtml)[][], className = ''): SafeHtml {
  return html`<table class="${className}">
    <thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
  </table>`;
}

function chartBlock(spec: ChartSpec): SafeHtml {
  return html`<figure class="chart"><figcaption>${spec.title}</figcaption><canvas id="${spec.id}" width="680" height="250"></canvas></figure>`;
}

function cover(data: ReportData): SafeHtml {
  const { period, generatedAt } = data.overview;
  const fx = data.overview.fx;
  return html`<section class="cover">
    <p class="brand">AIParksit</p>
    <h1>${REPORT_TITLES[data.type]}</h1>
    <dl>
      <dt>Period</dt><dd>${formatPeriod(period.from, period.to)} (${formatCount(period.days)} days)</dd>
      <dt>Compared with</dt><dd>${formatPeriod(period.comparisonFrom, period.comparisonTo)} (${COMPARISON_NAMES[period.comparison]})</dd>
      <dt>Series</dt><dd>by ${period.granularity}</dd>
      <dt>Reporting currency</dt><dd>${fx.reportingCurrency}; account figures on ${period.reportingTimeZone} days</dd>
      <dt>Generated</dt><dd>${formatGeneratedAt(generatedAt)}</dd>
    </dl>
    <p class="confidential">Platform aggregates for investors: no personal data.</p>
  </section>`;
}

function figureCells(figure: MetricFigure): string[] {
  return [
    formatFigureValue(figure.value, figure.unit, figure.currency),
    formatFigureValue(figure.comparison, figure.unit, figure.currency),
    formatFigureChange(figure),
    formatChangePercent(figure.changePercent),
  ];
}

const FIGURE_HEAD = ['Value', 'Comparison', 'Change', 'Change %'];

function headlineFigures(overview: InvestorOverview, notes: Notes): SafeHtml {
  const rows = OVERVIEW_METRICS.map((key) => {
    const figure = overview.figures[key];
    return [html`${METRIC_DEFINITIONS[key].label}${notes.ref(key, METRIC_DEFINITIONS[key])}`, ...figureCells(figure)];
  });
  const byCurrency = OVERVIEW_METRICS.flatMap((key) =>
    (overview.figures[key].byCurrency ?? []).map((part) => [
      METRIC_DEFINITIONS[key].label,
      part.currency,
      formatMoney(part.value, part.currency),
      formatMoney(part.comparison, part.currency),
      formatFigureChange({ change: part.value - part.comparison, unit: 'money', currency: part.currency }),
    ]),
  );
  return html`<section>
    <h2>Headline figures</h2>
    <p class="lead">Money in ${overview.fx.reportingCurrency}, converted at the rates listed at the end.</p>
    ${table(['Figure', ...FIGURE_HEAD], rows, 'kpi')}
    ${byCurrency.length ? html`<h3>Money figures in their original currencies</h3>${table(['Figure', 'Currency', 'Value', 'Comparison', 'Change'], byCurrency, 'label2')}` : null}
  </section>`;
}

function overviewSections(overview: InvestorOverview, charts: ChartSpec[]): SafeHtml {
  const currency = overview.fx.reportingCurrency;
  const labels = overview.series.map((p) => p.bucket);
  charts.push(
    {
      id: 'chart-revenue',
      title: `Gross booking value and net platform revenue (${currency})`,
      kind: 'bar',
      labels,
      datasets: [
        { label: 'Gross booking value', data: overview.series.map((p) => p.gmvCents) },
        { label: 'Net platform revenue', data: overview.series.map((p) => p.netRevenueCents), kind: 'line' },
      ],
      axis: moneyAxis(currency),
    },
    {
      id: 'chart-activity',
      title: 'Paid bookings and active drivers',
      kind: 'line',
      labels,
      datasets: [
        { label: 'Paid bookings', data: overview.series.map((p) => p.paidBookings) },
        { label: 'Active drivers', data: overview.series.map((p) => p.activeDrivers) },
      ],
      axis: { unit: 'count' },
    },
    {
      id: 'chart-occupancy',
      title: 'Platform occupancy',
      kind: 'line',
      labels,
      datasets: [{ label: 'Occupancy', data: overview.series.map((p) => p.occupancyPercent) }],
      axis: { unit: 'percent' },
    },
  );
  return html`<section>
    <h2>Trends</h2>
    ${charts.map(chartBlock)}
    <h3>Series by ${overview.period.granularity}</h3>
    ${table(
      ['Period', 'Gross booking value', 'Net revenue', 'Paid bookings', 'Active drivers', 'Occupancy'],
      overview.series.map((p) => [
        p.bucket,
        formatMoney(p.gmvCents, currency),
        formatMoney(p.netRevenueCents, currency),
        formatCount(p.paidBookings),
        formatCount(p.activeDrivers),
        formatPercent(p.occupancyPercent),
      ]),
    )}
  </section>`;
}

const AMOUNT_COLUMNS: [keyof RevenueAmounts, string][] = [
  ['gmvCents', 'Gross booking value'],
  ['feeCents', 'Platform fees'],
  ['refundCents', 'Refunds'],
  ['netRevenueCents', 'Net platform revenue'],
  ['operatorPayoutCents', 'Operator payouts'],
];

function sliceTable(title: string, slices: RevenueSlice[], currencyOf: (slice: RevenueSlice) => string): SafeHtml {
  if (!slices.length) return html`<h3>${title}</h3><p class="empty">Nothing in this period.</p>`;
  return html`<h3>${title}</h3>${table(
    ['Name', 'Gross booking value', 'Comparison', 'Change %', 'Net revenue', 'Paid bookings'],
    slices.map((s) => [
      s.label,
      formatMoney(s.gmvCents, currencyOf(s)),
      formatMoney(s.comparison.gmvCents, currencyOf(s)),
      formatChangePercent(s.gmvChangePercent),
      formatMoney(s.netRevenueCents, currencyOf(s)),
      formatCount(s.paidBookings),
    ]),
  )}`;
}

function revenueSections(data: Extract<ReportData, { type: 'revenue' }>, notes: Notes, charts: ChartSpec[]): SafeHtml {
  const { revenue } = data;
  const currency = revenue.fx.reportingCurrency;
  const totals = AMOUNT_COLUMNS.map(([field, label]) => {
    const value = revenue.totals[field];
    const comparison = revenue.comparisonTotals[field];
    const ref =
      field === 'feeCents'
        ? notes.ref('fees', REPORT_DEFINITIONS.fees)
        : field === 'refundCents'
          ? notes.ref('refunds', REPORT_DEFINITIONS.refunds)
          : field === 'operatorPayoutCents'
            ? notes.ref('operatorPayouts', REPORT_DEFINITIONS.operatorPayouts)
            : field === 'gmvCents'
              ? notes.ref('gmv', METRIC_DEFINITIONS.gmv)
              : notes.ref('netRevenue', METRIC_DEFINITIONS.netRevenue);
    return [
      html`${label}${ref}`,
      ...figureCells({
        value,
        comparison,
        change: value - comparison,
        changePercent: comparison === 0 ? null : Math.round(((value - comparison) / Math.abs(comparison)) * 1000) / 10,
        unit: 'money',
        currency,
      }),
    ];
  });
  const labels = revenue.series.map((p) => p.bucket);
  const mine: ChartSpec[] = [
    {
      id: 'chart-revenue-series',
      title: `Revenue by ${revenue.period.granularity} (${currency})`,
      kind: 'bar',
      labels,
      datasets: [
        { label: 'Gross booking value', data: revenue.series.map((p) => p.gmvCents) },
        { label: 'Refunds', data: revenue.series.map((p) => p.refundCents) },
        { label: 'Net platform revenue', data: revenue.series.map((p) => p.netRevenueCents), kind: 'line' },
      ],
      axis: moneyAxis(currency),
    },
    {
      id: 'chart-revenue-country',
      title: `Gross booking value by country (${currency})`,
      kind: 'bar',
      labels: revenue.byCountry.map((s) => s.label),
      datasets: [
        { label: 'Period', data: revenue.byCountry.map((s) => s.gmvCents) },
        { label: 'Comparison', data: revenue.byCountry.map((s) => s.comparison.gmvCents) },
      ],
      axis: moneyAxis(currency),
    },
  ];
  charts.push(...mine);
  return html`<section class="break">
    <h2>Revenue</h2>
    ${table(['Amount', ...FIGURE_HEAD], totals, 'kpi')}
    ${mine.map(chartBlock)}
    <h3>Revenue by ${revenue.period.granularity} (${currency})</h3>
    ${table(
      ['Period', ...AMOUNT_COLUMNS.map(([, label]) => label), 'Paid bookings'],
      revenue.series.map((p) => [p.bucket, ...AMOUNT_COLUMNS.map(([field]) => formatMoney(p[field], currency)), formatCount(p.paidBookings)]),
    )}
    <h2>Where revenue comes from${notes.ref('revenueSlices', REPORT_DEFINITIONS.revenueSlices)}</h2>
    ${sliceTable(`By country (${currency})`, revenue.byCountry, () => currency)}
    ${sliceTable(`By city (${currency})`, revenue.byCity, () => currency)}
    ${sliceTable('By currency (each in its own currency, unconverted)', revenue.byCurrency, (s) => s.key)}
    ${sliceTable(`By space type (${currency})`, revenue.bySpaceType, () => currency)}
    ${sliceTable(`Top facilities (${currency})`, revenue.topFacilities, () => currency)}
    ${sliceTable(`Top operators (${currency})`, revenue.topOperators, () => currency)}
  </section>`;
}

function growthSections(data: Extract<ReportData, { type: 'growth' }>, notes: Notes, charts: ChartSpec[]): SafeHtml {
  const { growth } = data;
  const roles = ['driver', 'operator', 'investor', 'admin'] as const;
  const figures = [
    ...roles.map((role) => [html`Sign-ups: ${role}s${notes.ref('signups', REPORT_DEFINITIONS.signups)}`, ...figureCells(growth.signupTotals[role])]),
    [html`Active drivers${notes.ref('activeDrivers', METRIC_DEFINITIONS.activeDrivers)}`, ...figureCells(growth.activeDriverTotal)],
    [html`Listed facilities${notes.ref('supply', REPORT_DEFINITIONS.supply)}`, ...figureCells(growth.supplyTotals.facilities)],
    [html`Listed spaces${notes.ref('supply', REPORT_DEFINITIONS.supply)}`, ...figureCells(growth.supplyTotals.spaces)],
  ];
  const mine: ChartSpec[] = [
    {
      id: 'chart-signups',
      title: 'Sign-ups by role',
      kind: 'bar',
      stacked: true,
      labels: growth.signups.map((p) => p.bucket),
      datasets: roles.map((role) => ({ label: role, data: growth.signups.map((p) => p[role]), stack: 'signups' })),
      axis: { unit: 'count' },
    },
    {
      id: 'chart-active-drivers',
      title: 'Active drivers: new and returning',
      kind: 'bar',
      stacked: true,
      labels: growth.activeDrivers.map((p) => p.bucket),
      datasets: [
        { label: 'New', data: growth.activeDrivers.map((p) => p.newDrivers), stack: 'drivers' },
        { label: 'Returning', data: growth.activeDrivers.map((p) => p.returningDrivers), stack: 'drivers' },
      ],
      axis: { unit: 'count' },
    },
    {
      id: 'chart-supply',
      title: 'Supply: listed facilities and spaces',
      kind: 'line',
      labels: growth.supply.map((p) => p.bucket),
      datasets: [
        { label: 'Facilities', data: growth.supply.map((p) => p.facilities) },
        { label: 'Spaces', data: growth.supply.map((p) => p.spaces), axis: 'y2' },
      ],
      axis: { unit: 'count' },
      axis2: { unit: 'count' },
    },
  ];
  charts.push(...mine);
  const months = Math.min(12, Math.max(0, ...growth.cohorts.map((c) => c.retention.length - 1)));
  const monthHead = Array.from({ length: months + 1 }, (_, k) => `M${k}`);
  return html`<section class="break">
    <h2>Growth</h2>
    ${table(['Figure', ...FIGURE_HEAD], figures, 'kpi')}
    ${mine.map(chartBlock)}
    <h3>Sign-ups and active drivers by ${growth.period.granularity}${notes.ref('returningDrivers', REPORT_DEFINITIONS.returningDrivers)}</h3>
    ${table(
      ['Period', 'Drivers', 'Operators', 'Investors', 'Admins', 'Active drivers', 'New', 'Returning'],
      growth.signups.map((p, i) => {
        const active = growth.activeDrivers[i];
        return [
          p.bucket,
          ...roles.map((role) => formatCount(p[role])),
          formatCount(active?.drivers),
          formatCount(active?.newDrivers),
          formatCount(active?.returningDrivers),
        ];
      }),
    )}
    <h3>Driver cohort retention${notes.ref('cohorts', REPORT_DEFINITIONS.cohorts)}</h3>
    ${
      growth.cohorts.length
        ? table(
            ['Cohort', 'Drivers', ...monthHead],
            growth.cohorts.map((c) => [
              c.month,
              formatCount(c.drivers),
              ...monthHead.map((_, k) => (k < c.retention.length ? formatPercent(c.retention[k]) : '')),
            ]),
            'dense',
          )
        : html`<p class="empty">No driver made a first paid booking in this period.</p>`
    }
    <h3>Operator funnel${notes.ref('funnel', REPORT_DEFINITIONS.funnel)}</h3>
    ${table(
      ['Step', 'Operators', 'Conversion', 'Median days from previous step'],
      growth.operatorFunnel.map((s) => [
        s.step.replace(/_/g, ' '),
        formatCount(s.operators),
        formatPercent(s.conversionPercent),
        s.medianDaysFromPrevious === null ? '—' : formatCount(s.medianDaysFromPrevious),
      ]),
    )}
    <h3>Supply by ${growth.period.granularity}</h3>
    ${table(
      ['Period', 'Facilities', 'Spaces'],
      growth.supply.map((p) => [p.bucket, formatCount(p.facilities), formatCount(p.spaces)]),
    )}
  </section>`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function marketSections(data: Extract<ReportData, { type: 'market' }>, notes: Notes, charts: ChartSpec[]): SafeHtml {
  const { market } = data;
  const currency = market.fx.reportingCurrency;
  const cities = market.cities;
  const name = (c: (typeof cities)[number]) => `${c.city}, ${c.countryCode}`;
  const byGmv = [...cities].sort((a, b) => b.gmvCents - a.gmvCents);
  const mine: ChartSpec[] = [
    {
      id: 'chart-city-gmv',
      title: `Gross booking value by city (${currency})`,
      kind: 'bar',
      labels: byGmv.map((c) => c.city),
      datasets: [
        { label: 'Period', data: byGmv.map((c) => c.gmvCents) },
        { label: 'Comparison', data: byGmv.map((c) => c.comparisonGmvCents) },
      ],
      axis: moneyAxis(currency),
    },
    {
      id: 'chart-city-occupancy',
      title: 'Occupancy by city',
      kind: 'bar',
      labels: byGmv.map((c) => c.city),
      datasets: [{ label: 'Occupancy', data: byGmv.map((c) => c.occupancyPercent) }],
      axis: { unit: 'percent' },
    },
  ];
  charts.push(...mine);
  const max = Math.max(0, ...market.demandHeatmap.map((c) => c.bookedHours));
  const cell = (weekday: number, hour: number) => market.demandHeatmap.find((c) => c.weekday === weekday && c.hour === hour);
  const heatRows = WEEKDAYS.map(
    (day, i) =>
      html`<tr><th>${day}</th>${Array.from({ length: 24 }, (_, hour) => {
        const c = cell(i + 1, hour);
        const alpha = c && max > 0 ? (c.intensityPercent / 100).toFixed(2) : '0';
        return html`<td style="background: rgba(37, 99, 235, ${alpha})">${c ? Math.round(c.intensityPercent) : ''}</td>`;
      })}</tr>`,
  );
  const shares = cities.flatMap((c) =>
    c.operatorShares.map((s, i) => [i === 0 ? name(c) : '', s.operator, formatMoney(s.gmvCents, currency), formatPercent(s.sharePercent)]),
  );
  return html`<section class="break">
    <h2>Market analysis: ${formatCount(cities.length)} cities</h2>
    ${mine.map(chartBlock)}
    <h3>Cities at a glance, fastest growing first${notes.ref('cityGrowth', REPORT_DEFINITIONS.cityGrowth)}</h3>
    ${table(
      [
        'City',
        'Rank',
        'Launched',
        'Facilities',
        'Spaces',
        'Paid bookings',
        'Booked hours',
        html`Occupancy${notes.ref('cityOccupancy', REPORT_DEFINITIONS.cityOccupancy)}`,
        `GMV (${currency})`,
        'Comparison',
        'Growth',
      ],
      [...cities]
        .sort((a, b) => a.growthRank - b.growthRank)
        .map((c) => [
          name(c),
          String(c.growthRank),
          c.launchedOn ?? '—',
          formatCount(c.facilities),
          formatCount(c.spaces),
          formatCount(c.paidBookings),
          formatHours(c.bookedHours),
          formatPercent(c.occupancyPercent),
          formatMoney(c.gmvCents, currency),
          formatMoney(c.comparisonGmvCents, currency),
          formatChangePercent(c.growthPercent),
        ]),
      'dense',
    )}
    <h3>Supply by space type</h3>
    ${table(
      ['City', 'Standard', 'EV', 'Accessible', 'Oversize', 'Motorcycle', 'All spaces'],
      cities.map((c) => [
        name(c),
        formatCount(c.spacesByType.standard),
        formatCount(c.spacesByType.ev),
        formatCount(c.spacesByType.accessible),
        formatCount(c.spacesByType.oversize),
        formatCount(c.spacesByType.motorcycle),
        formatCount(c.spaces),
      ]),
    )}
    <h3>Prices per hour, in each city’s currency${notes.ref('cityPrices', REPORT_DEFINITIONS.cityPrices)}</h3>
    ${table(
      [
        'City',
        'Currency',
        'Average',
        'Median',
        '10th percentile',
        '90th percentile',
        html`RevPASH (${currency})${notes.ref('cityRevPash', REPORT_DEFINITIONS.cityRevPash)}`,
      ],
      cities.map((c) => [
        name(c),
        c.currency,
        formatMoney(c.averagePricePerHourCents, c.currency),
        formatMoney(c.medianPricePerHourCents, c.currency),
        formatMoney(c.p10PricePerHourCents, c.currency),
        formatMoney(c.p90PricePerHourCents, c.currency),
        formatMoney(c.revPashCents, currency),
      ]),
    )}
    <h3>Demand by weekday and hour (share of the busiest hour, %)${notes.ref('demandHeatmap', REPORT_DEFINITIONS.demandHeatmap)}</h3>
    <table class="heatmap">
      <thead><tr><th></th>${Array.from({ length: 24 }, (_, h) => html`<th>${String(h).padStart(2, '0')}</th>`)}</tr></thead>
      <tbody>${heatRows}</tbody>
    </table>
    <h3>Operators’ shares of each city’s GMV${notes.ref('operatorShares', REPORT_DEFINITIONS.operatorShares)}</h3>
    ${shares.length ? table(['City', 'Operator', `GMV (${currency})`, 'Share'], shares, 'label2') : html`<p class="empty">No bookings in this period.</p>`}
  </section>`;
}

function exchangeRates(data: ReportData): SafeHtml {
  const fx = fxOfReport(data);
  return html`<section>
    <h2>Exchange rates used</h2>
    <p>
      Money is summed per original currency and per rate in force (each day uses the latest reference rate on or before it), then converted once into
      ${fx.reportingCurrency}, rounded half away from zero to a whole minor unit.
    </p>
    ${
      fx.rates.length
        ? table(
            ['Currency', 'Rate date', 'Units per EUR'],
            fx.rates.map((r) => [r.currency, r.date, formatRate(r.unitsPerEur)]),
          )
        : html`<p>No conversion was needed: every amount was already in ${fx.reportingCurrency}.</p>`
    }
    ${
      fx.missing.length
        ? html`<p class="warning">No rate was known for ${fx.missing.join(', ')} on some days: those amounts are left out of the converted totals.</p>`
        : null
    }
  </section>`;
}

export function reportDocument(data: ReportData): ReportDocument {
  const notes = new Notes();
  const charts: ChartSpec[] = [];
  const { period } = data.overview;
  const sections: SafeHtml[] = [cover(data), headlineFigures(data.overview, notes)];
  if (data.type === 'platform-overview') sections.push(overviewSections(data.overview, charts));
  if (data.type === 'revenue') sections.push(revenueSections(data, notes, charts));
  if (data.type === 'growth') sections.push(growthSections(data, notes, charts));
  if (data.type === 'market') sections.push(marketSections(data, notes, charts));
  sections.push(html`<section class="break"><h2>Definitions</h2>${notes.list()}</section>`, exchangeRates(data));
  return {
    title: REPORT_TITLES[data.type],
    subtitle: formatPeriod(period.from, period.to),
    body: html`${sections}`.text,
    charts,
  };
}
