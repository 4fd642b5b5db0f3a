import { RATE_LIMITS, WEEKDAYS, type PriceSuggestionBand, type RateInput, type RateMultiplier } from '@aiparksit/shared';

/**
 * The price suggestion rules, pure (no Nest, no database): the API and `npm run bench:forecast`
 * run the same code. Demand is read per local week slot (Monday 00:00 is slot 0, 168 slots): the
 * mean number of spaces taken over that hour, in each past week, and as the forecast expects it.
 */

/**
 * Constant price elasticity of demand assumed by every expectation: a price `r` times as high
 * brings `r ** ε` times the demand. −0.4 is the middle of the short-run estimates for parking
 * (about −0.1 to −0.6 in the literature; San Francisco's demand-responsive meters measured about
 * −0.4). Demand is inelastic under it, so raising a price that fills adds revenue and cutting one
 * that stays empty costs some: cuts are for filling spaces, and the operator sees the cost.
 */
export const PRICE_ELASTICITY_OF_DEMAND = -0.4;
/** An hour is full when this share of the spaces (or more) is taken on average over it. */
export const FULL_SHARE = 0.9;
/** An hour is mostly empty when less than this share is taken in every week and expected. */
export const EMPTY_SHARE = 0.3;
/** Raises aim to leave this share taken (some spaces free for the next driver); cuts aim for this share. */
export const TARGET_SHARE_WHEN_FULL = 0.85;
export const TARGET_SHARE_WHEN_EMPTY = 0.5;
/** The base hourly rate moves instead of hours when this share of the open hours agree (full, or mostly empty). */
export const BASE_RATE_AGREEMENT = 0.75;
/** Weeks of booking history the API reads (the bench too): long enough for "3 weeks out of 4", short enough to follow a change. */
export const HISTORY_WEEKS = 4;
/** A raise needs the hours full in at least half the weeks read, and at least this many weeks. */
export const MIN_WEEKS = 2;

const SLOTS = 168;
const MINUTES_PER_DAY = 1440;

export interface SuggestionInput {
  capacity: number;
  currency: string;
  rate: RateInput;
  /** Lowest hourly price (minor units) a suggestion may set; null: the current base hourly rate. */
  floorCents: number | null;
  /** Largest change of any price, in percent (e.g. 20). */
  maxStepPercent: number;
  /**
   * Past weeks at the current rate card, oldest first: mean spaces taken per slot (168 values; NaN
   * where unknown). Weeks before the card last changed were at other prices and are left out.
   */
  history: ArrayLike<number>[];
  /** When the card last changed, in words ("7 Dec 2026"), if within the weeks read; null otherwise. */
  rateChangedOn?: string | null;
  /** Spaces the forecast expects per slot for the coming week, or null without a forecast. */
  expected: ArrayLike<number> | null;
  /** Slots in which the facility is closed: never priced by demand. */
  closed: ArrayLike<boolean>;
  elasticity?: number;
}

export interface SuggestionOutcome {
  /** The complete rate card to apply, or null when nothing changes. */
  suggested: RateInput | null;
  baseRate: { currentCents: number; suggestedCents: number; reason: string } | null;
  bands: PriceSuggestionBand[];
  /** Price factor applied to each slot (1 where unchanged), for replaying a week. */
  slotRatios: Float64Array;
  weeklyOccupiedHoursChange: number;
  weeklyRevenueChangeCents: number;
  weeklyRevenueCents: number;
  summary: string;
}

interface SlotReading {
  open: boolean;
  /** Multiplier over the whole hour, or null when a rule starts or ends inside it (left alone). */
  multiplier: number | null;
  weeks: number;
  fullWeeks: number;
  observed: number;
  expected: number | null;
  /** The demand expectations start from: the history's mean, with the forecast as one more week. */
  demand: number;
  verdict: 'full' | 'empty' | null;
}

/** Demand after a price `ratio` times as high: spaces wanted beyond capacity are turned away. */
export function occupancyAfterPriceChange(occupied: number, ratio: number, capacity: number, elasticity = PRICE_ELASTICITY_OF_DEMAND): number {
  return Math.min(capacity, occupied * ratio ** elasticity);
}

/** The assumption in words, as the operator and the bench read it. */
export function elasticityAssumption(elasticity = PRICE_ELASTICITY_OF_DEMAND): string {
  const tenPercent = (1 - 1.1 ** elasticity) * 100;
  return (
    `Demand is assumed to have a constant price elasticity of ${elasticity.toFixed(1).replace('-', '−')}: a price 10 % higher is expected to lose about ` +
    `${tenPercent.toFixed(1)} % of the drivers, one 10 % lower to bring about ${((0.9 ** elasticity - 1) * 100).toFixed(1)} % more. ` +
    `Drivers beyond the spaces free are turned away; hours that were full count as demand equal to the spaces (what was seen), ` +
    `so gains from raises are understated rather than overstated. Daily maximums are not modelled.`
  );
}

/** The suggestion for one space type of a facility: bounded changes of hours (or of the base rate) and their expected effect. */
export function suggestPrices(input: SuggestionInput): SuggestionOutcome {
  const elasticity = input.elasticity ?? PRICE_ELASTICITY_OF_DEMAND;
  const step = input.maxStepPercent / 100;
  const { rate, capacity } = input;
  const floorCents = input.floorCents ?? rate.hourlyCents;
  const slots = readSlots(input);
  const ratios = new Float64Array(SLOTS).fill(1);
  const money = moneyFormat(input.currency);

  const open = slots.filter((s) => s.open && s.multiplier !== 0);
  const full = open.filter((s) => s.verdict === 'full').length;
  const empty = open.filter((s) => s.verdict === 'empty').length;
  let baseRate: SuggestionOutcome['baseRate'] = null;
  let suggested: RateInput | null = null;
  const bands: PriceSuggestionBand[] = [];

  const priced = capacity > 0 && rate.hourlyCents > 0;
  // The whole week moves only when it is consistently over- or under-used: most open hours agree
  // and none says the opposite. A cut the floor holds falls through to the hours, so a car park
  // empty at night still gets its full mornings raised.
  const up = full >= BASE_RATE_AGREEMENT * open.length && empty === 0;
  const down = empty >= BASE_RATE_AGREEMENT * open.length && full === 0;
  const target = up
    ? Math.min(RATE_LIMITS.hourlyCentsMax, Math.floor(rate.hourlyCents * (1 + step)))
    : Math.max(Math.ceil(rate.hourlyCents * (1 - step)), Math.min(floorCents, rate.hourlyCents));
  if (priced && open.length && (up || down) && target !== rate.hourlyCents) {
    const share = Math.round(((up ? full : empty) / open.length) * 100);
    const ratio = target / rate.hourlyCents;
    slots.forEach((s, i) => {
      if (s.open) ratios[i] = ratio;
    });
    suggested = {
      ...rate,
      hourlyCents: target,
      dailyMaxCents: rate.dailyMaxCents === null ? null : Math.max(1, Math[up ? 'floor' : 'ceil'](rate.dailyMaxCents * ratio)),
    };
    const effect = weeklyEffect(slots, ratios, rate, capacity, elasticity);
    baseRate = {
      currentCents: rate.hourlyCents,
      suggestedCents: target,
      reason:
        `${share} % of the open hours were ${up ? 'full in most weeks' : 'mostly empty'}; the hourly rate ${signedPercent(ratio)} ` +
        `(${money(rate.hourlyCents)} → ${money(target)}) is expected to ${occupancyWords(effect.occupiedHours, up)} and ${revenueWords(effect.revenueCents, money)} a week.`,
    };
  } else if (priced) {
    const proposed = slots.map((s) => proposedMultiplier(s, input, step, floorCents, elasticity));
    proposed.forEach((m, i) => {
      const current = slots[i]!.multiplier;
      if (m !== null && current) ratios[i] = m / current;
    });
    bands.push(...bandsOf(slots, proposed, ratios, input, elasticity, money));
    const changed = bands.filter((b) => b.suggestedMultiplier !== b.currentMultiplier);
    if (changed.length) suggested = { ...rate, multipliers: mergeMultipliers(rate.multipliers, changed) };
  }

  const total = weeklyEffect(slots, ratios, rate, capacity, elasticity);
  const summary =
    capacity <= 0
      ? 'No active spaces of this type: nothing to suggest.'
      : rate.hourlyCents <= 0
        ? 'Parking of this type is free: nothing to suggest.'
        : input.history.length < MIN_WEEKS && input.rateChangedOn
          ? `The rate changed on ${input.rateChangedOn}: suggestions resume once ${MIN_WEEKS} whole weeks at the new price have been seen.`
          : !input.history.length
            ? 'No booking history yet: nothing to suggest.'
            : suggested
              ? `Expected over a week: ${occupancyWords(total.occupiedHours, total.occupiedHours < 0)} and ${revenueWords(total.revenueCents, money)}.`
              : bands.length || baseRate
                ? 'The hours that call for a change are held by the bounds (the step, your floor): nothing to change.'
                : `No hour was full in most weeks or mostly empty: the rate fits the demand of the last ${input.history.length} weeks.`;
  return {
    suggested,
    baseRate,
    bands,
    slotRatios: ratios,
    weeklyOccupiedHoursChange: round2(total.occupiedHours),
    weeklyRevenueChangeCents: Math.round(total.revenueCents),
    weeklyRevenueCents: Math.round(total.currentRevenueCents),
    summary,
  };
}

function readSlots(input: SuggestionInput): SlotReading[] {
  const { capacity } = input;
  return Array.from({ length: SLOTS }, (_, slot): SlotReading => {
    const values = input.history.map((week) => week[slot]!).filter((v) => Number.isFinite(v));
    const weeks = values.length;
    const observed = weeks ? values.reduce((a, b) => a + b, 0) / weeks : 0;
    const expectedValue = input.expected ? input.expected[slot]! : NaN;
    const expected = Number.isFinite(expectedValue) ? expectedValue : null;
    const fullWeeks = values.filter((v) => v >= FULL_SHARE * capacity).length;
    const open = !input.closed[slot];
    let verdict: SlotReading['verdict'] = null;
    if (open && capacity > 0 && weeks >= MIN_WEEKS) {
      // The forecast can hold back hours full in only half the weeks; three weeks out of four outweigh it.
      const forecastAgrees = expected === null || expected >= TARGET_SHARE_WHEN_FULL * FULL_SHARE * capacity || fullWeeks * 4 >= weeks * 3;
      if (fullWeeks * 2 >= weeks && forecastAgrees) verdict = 'full';
      else if (values.every((v) => v < EMPTY_SHARE * capacity) && (expected === null || expected < EMPTY_SHARE * capacity)) verdict = 'empty';
    }
    // The forecast counts as one more week: the history is what was seen, the forecast what changes.
    const demand = expected === null ? observed : (observed * weeks + expected) / (weeks + 1);
    return { open, multiplier: multiplierOverHour(input.rate.multipliers, slot), weeks, fullWeeks, observed, expected, demand, verdict };
  });
}

/** The bounded multiplier for a slot with a verdict, or null when it has none or cannot change. */
function proposedMultiplier(s: SlotReading, input: SuggestionInput, step: number, floorCents: number, elasticity: number): number | null {
  const current = s.multiplier;
  if (!s.verdict || !current) return null;
  const capacity = input.capacity;
  const demand = Math.max(s.demand, s.verdict === 'full' ? s.observed : 0.01 * capacity, 0.01 * capacity);
  const target = (s.verdict === 'full' ? TARGET_SHARE_WHEN_FULL : TARGET_SHARE_WHEN_EMPTY) * capacity;
  // The price factor that would bring demand to the target, within the step.
  const wanted = (target / demand) ** (1 / elasticity);
  if (s.verdict === 'full') {
    const ratio = Math.min(Math.max(wanted, 1), 1 + step);
    // Rounded towards the current multiplier, so the step is never exceeded.
    return Math.min(RATE_LIMITS.multiplierMax, Math.max(current, floor2(current * ratio)));
  }
  const ratio = Math.max(Math.min(wanted, 1), 1 - step);
  const lowest = ceil2(floorCents / input.rate.hourlyCents);
  return Math.min(current, Math.max(ceil2(current * ratio), lowest));
}

function bandsOf(
  slots: SlotReading[],
  proposed: (number | null)[],
  ratios: Float64Array,
  input: SuggestionInput,
  elasticity: number,
  money: (cents: number) => string,
): PriceSuggestionBand[] {
  const bands: PriceSuggestionBand[] = [];
  for (let day = 0; day < 7; day++) {
    let hour = 0;
    while (hour < 24) {
      const first = day * 24 + hour;
      const s = slots[first]!;
      const m = proposed[first];
      if (!s.verdict || m === null || m === undefined) {
        hour++;
        continue;
      }
      let end = hour + 1;
      while (end < 24) {
        const next = slots[day * 24 + end]!;
        if (next.verdict !== s.verdict || next.multiplier !== s.multiplier || proposed[day * 24 + end] !== m) break;
        end++;
      }
      bands.push(bandOf(slots, ratios, input, elasticity, money, day, hour, end, m));
      hour = end;
    }
  }
  return bands;
}

function bandOf(
  slots: SlotReading[],
  ratios: Float64Array,
  input: SuggestionInput,
  elasticity: number,
  money: (cents: number) => string,
  day: number,
  fromHour: number,
  toHour: number,
  suggestedMultiplier: number,
): PriceSuggestionBand {
  const { capacity, rate } = input;
  const indices = Array.from({ length: toHour - fromHour }, (_, k) => day * 24 + fromHour + k);
  const readings = indices.map((i) => slots[i]!);
  const first = readings[0]!;
  const weeks = Math.min(...readings.map((r) => r.weeks));
  // Weeks in which every hour of the band was full.
  const fullWeeks = input.history.filter((week) => indices.every((i) => week[i]! >= FULL_SHARE * capacity)).length;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const observed = mean(readings.map((r) => r.observed));
  const expected = readings.every((r) => r.expected !== null) ? mean(readings.map((r) => r.expected!)) : null;
  const taken = mean(readings.map((r) => Math.min(capacity, r.demand)));
  const effect = weeklyEffect(
    readings,
    Float64Array.from(indices, (i) => ratios[i]!),
    rate,
    capacity,
    elasticity,
  );
  const currentMultiplier = first.multiplier!;
  const currentHourlyCents = Math.round(rate.hourlyCents * currentMultiplier);
  const suggestedHourlyCents = Math.round(rate.hourlyCents * suggestedMultiplier);
  const when = `${DAY_NAMES[day]} ${clock(fromHour)}–${clock(toHour)}`;
  const hours = toHour - fromHour === 1 ? 'is' : 'are';
  const price = `${signedPercent(suggestedMultiplier / currentMultiplier)} (${money(currentHourlyCents)} → ${money(suggestedHourlyCents)} an hour)`;
  const expectedWords = expected === null ? '' : `, ${fmt(expected)} of ${capacity} expected next week`;
  let reason: string;
  if (first.verdict === 'full') {
    reason =
      `${when} ${hours} full ${fullWeeks} ${fullWeeks === 1 ? 'week' : 'weeks'} out of ${weeks}${expectedWords}; ` +
      (suggestedMultiplier === currentMultiplier
        ? `no raise: the multiplier is already the highest a rate may have.`
        : `${price} is expected to keep ${freeWords(capacity - (taken + effect.occupiedHours / indices.length))} free and ${revenueWords(effect.revenueCents, money)} a week.`);
  } else {
    reason =
      `${when} ${hours} mostly empty (${fmt(observed)} of ${capacity} spaces taken on average over ${weeks} weeks${expectedWords}); ` +
      (suggestedMultiplier === currentMultiplier
        ? `no cut: ${money(currentHourlyCents)} an hour is ${floorWords(input.floorCents, money)}.`
        : `${price} is expected to bring ${fmt(effect.occupiedHours / indices.length)} more spaces taken and ${revenueWords(effect.revenueCents, money)} a week.`);
  }
  return {
    day: WEEKDAYS[day]!,
    from: clock(fromHour),
    to: clock(toHour),
    verdict: first.verdict!,
    fullWeeks,
    weeks,
    observedOccupied: round2(observed),
    expectedOccupied: expected === null ? null : round2(expected),
    currentMultiplier,
    suggestedMultiplier,
    currentHourlyCents,
    suggestedHourlyCents,
    occupiedChange: round2(effect.occupiedHours / indices.length),
    weeklyRevenueChangeCents: Math.round(effect.revenueCents),
    reason,
  };
}

/** Expected change of space-hours taken and of revenue over the slots' week, at each slot's price factor. */
function weeklyEffect(
  slots: SlotReading[],
  ratios: ArrayLike<number>,
  rate: RateInput,
  capacity: number,
  elasticity: number,
): { occupiedHours: number; revenueCents: number; currentRevenueCents: number } {
  let occupiedHours = 0;
  let revenueCents = 0;
  let currentRevenueCents = 0;
  slots.forEach((s, i) => {
    if (!s.open || s.multiplier === null) return;
    const now = Math.min(capacity, s.demand);
    const price = rate.hourlyCents * s.multiplier;
    currentRevenueCents += now * price;
    const ratio = ratios[i]!;
    if (ratio === 1) return;
    const then = occupancyAfterPriceChange(now, ratio, capacity, elasticity);
    occupiedHours += then - now;
    revenueCents += then * price * ratio - now * price;
  });
  return { occupiedHours, revenueCents, currentRevenueCents };
}

/**
 * The rate's rules with the changed bands first (the first rule covering a minute wins): bands of
 * the same hours and multiplier on several days share one rule, and an old rule every minute of
 * which the new ones cover is dropped, so accepting suggestions week after week does not pile up
 * rules. Within the rules a rate may hold, the bands with the largest revenue effect come first.
 */
export function mergeMultipliers(
  existing: RateMultiplier[],
  bands: Pick<PriceSuggestionBand, 'day' | 'from' | 'to' | 'suggestedMultiplier' | 'weeklyRevenueChangeCents'>[],
): RateMultiplier[] {
  const groups = new Map<string, { rule: RateMultiplier; weight: number }>();
  for (const band of bands) {
    const key = `${band.from}|${band.to}|${band.suggestedMultiplier}`;
    const group = groups.get(key) ?? { rule: { days: [], from: band.from, to: band.to, multiplier: band.suggestedMultiplier }, weight: 0 };
    group.rule.days.push(band.day);
    group.weight += Math.abs(band.weeklyRevenueChangeCents);
    groups.set(key, group);
  }
  let added = [...groups.values()].sort((a, b) => b.weight - a.weight).map((g) => g.rule);
  const covered = new Uint8Array(7 * MINUTES_PER_DAY);
  for (const rule of added) forEachMinute(rule, (m) => (covered[m] = 1));
  const kept = existing.filter((rule) => {
    let shadowed = true;
    forEachMinute(rule, (m) => {
      if (!covered[m]) shadowed = false;
    });
    return !shadowed;
  });
  added = added.slice(0, Math.max(0, RATE_LIMITS.multipliersPerRate - kept.length));
  return [...added, ...kept];
}

/** The multiplier over the whole local hour of `slot`, or null when it changes within the hour. */
export function multiplierOverHour(rules: RateMultiplier[], slot: number): number | null {
  const day = Math.floor(slot / 24);
  const start = (slot % 24) * 60;
  const value = multiplierAt(rules, day, start);
  for (let minute = start + 1; minute < start + 60; minute++) if (multiplierAt(rules, day, minute) !== value) return null;
  return value;
}

/** The factor at a local weekday (0 = Monday) and minute of the day: the first rule covering it, else 1. */
export function multiplierAt(rules: RateMultiplier[], day: number, minute: number): number {
  for (const rule of rules) {
    const from = minutesOf(rule.from);
    const to = minutesOf(rule.to);
    for (const d of rule.days) {
      const ruleDay = WEEKDAYS.indexOf(d);
      if (
        to > from
          ? ruleDay === day && minute >= from && minute < to
          : to < from && ((ruleDay === day && minute >= from) || ((ruleDay + 1) % 7 === day && minute < to))
      )
        return rule.multiplier;
    }
  }
  return 1;
}

function forEachMinute(rule: RateMultiplier, visit: (minuteOfWeek: number) => void): void {
  const from = minutesOf(rule.from);
  const to = minutesOf(rule.to);
  if (from === to) return;
  const length = to > from ? to - from : MINUTES_PER_DAY - from + to;
  for (const d of rule.days) {
    const start = WEEKDAYS.indexOf(d) * MINUTES_PER_DAY + from;
    for (let k = 0; k < length; k++) visit((start + k) % (7 * MINUTES_PER_DAY));
  }
}

const DAY_NAMES: Record<number, string> = { 0: 'Mondays', 1: 'Tuesdays', 2: 'Wednesdays', 3: 'Thursdays', 4: 'Fridays', 5: 'Saturdays', 6: 'Sundays' };

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

function floor2(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}

function ceil2(value: number): number {
  return Math.ceil(value * 100 - 1e-9) / 100;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function fmt(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function signedPercent(ratio: number): string {
  const percent = Math.round((ratio - 1) * 100);
  return percent >= 0 ? `+${percent} %` : `−${-percent} %`;
}

/** "about 0.7 spaces", "1–2 spaces", "2 spaces": the mean spaces left free. */
function freeWords(free: number): string {
  if (free < 0.95) return `about ${fmt(Math.max(0, free))} spaces`;
  const low = Math.floor(free + 0.05);
  const high = Math.ceil(free - 0.05);
  return low === high ? `${low} ${low === 1 ? 'space' : 'spaces'}` : `${low}–${high} spaces`;
}

function occupancyWords(spaceHours: number, fewer: boolean): string {
  const value = fmt(Math.abs(spaceHours));
  return fewer ? `free about ${value} space-hours` : `fill about ${value} more space-hours`;
}

function revenueWords(cents: number, money: (cents: number) => string): string {
  return cents >= 0 ? `add ${money(cents)}` : `cost ${money(-cents)}`;
}

function floorWords(floorCents: number | null, money: (cents: number) => string): string {
  return floorCents === null
    ? 'the current hourly rate, the lowest a suggestion goes until you set a price floor'
    : `at or below your floor of ${money(floorCents)}`;
}

function moneyFormat(currency: string): (cents: number) => string {
  let digits = 2;
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat('en', { style: 'currency', currency });
    digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    format = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  return (cents) => format.format(Math.round(cents) / 10 ** digits);
}
