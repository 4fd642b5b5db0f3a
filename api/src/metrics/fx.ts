import type { FxRateUsed, FxUsage, RevenueAmounts } from '@aiparksit/shared';

export interface FxRateRow {
  currency: string;
  date: string;
  /** numeric(18, 6) as text. */
  unitsPerEur: string;
}

const MICRO = 1_000_000n;

/** A rate as an exact integer of millionths (the column has six decimals). */
function micro(text: string): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole!) * MICRO + BigInt((fraction + '000000').slice(0, 6));
}

interface Rate {
  date: string;
  micro: bigint;
}

/**
 * The dated reference rates and the conversion rule of `FxUsage`: amounts are summed per original
 * currency and per rate in force, and each sum converts once, rounded half away from zero.
 */
export class FxConverter {
  private readonly rates = new Map<string, Rate[]>();
  private readonly used = new Map<string, FxRateUsed>();
  private readonly missing = new Set<string>();

  constructor(
    rows: FxRateRow[],
    readonly reportingCurrency: string,
  ) {
    for (const row of rows) {
      const list = this.rates.get(row.currency) ?? [];
      list.push({ date: row.date, micro: micro(row.unitsPerEur) });
      this.rates.set(row.currency, list);
    }
    for (const list of this.rates.values()) list.sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /** Dates within (from, to] on which some rate changes: the money queries split their sums there. */
  bounds(from: string, to: string): string[] {
    const dates = new Set<string>();
    for (const list of this.rates.values()) for (const r of list) if (r.date > from && r.date <= to) dates.add(r.date);
    return [...dates].sort();
  }

  private rateOn(currency: string, day: string): Rate | null | 'eur' {
    if (currency === 'EUR') return 'eur';
    const list = this.rates.get(currency);
    if (!list) return null;
    let found: Rate | null = null;
    for (const r of list) {
      if (r.date > day) break;
      found = r;
    }
    return found;
  }

  /**
   * The rate pair in force for `currency` on `day`, as a key that groups sums converting alike, or
   * null when a rate is missing (the currency is then left out of converted totals).
   */
  keyFor(currency: string, day: string): string | null {
    if (currency === this.reportingCurrency) return 'same';
    const from = this.rateOn(currency, day);
    const to = this.rateOn(this.reportingCurrency, day);
    if (from === null || to === null) {
      if (from === null) this.missing.add(currency);
      if (to === null) this.missing.add(this.reportingCurrency);
      return null;
    }
    return `${from === 'eur' ? 'EUR' : from.date}|${to === 'eur' ? 'EUR' : to.date}`;
  }

  /** Converts one sum of `currency` at the rates of `key` (from `keyFor`), noting the rates used. */
  convert(currency: string, key: string, amount: number): number {
    if (key === 'same' || amount === 0) return amount;
    const [fromDate, toDate] = key.split('|') as [string, string];
    const fromMicro = fromDate === 'EUR' ? MICRO : this.note(currency, fromDate);
    const toMicro = toDate === 'EUR' ? MICRO : this.note(this.reportingCurrency, toDate);
    const negative = amount < 0;
    const num = BigInt(Math.abs(amount)) * toMicro;
    const rounded = (2n * num + fromMicro) / (2n * fromMicro);
    return Number(negative ? -rounded : rounded);
  }

  /** The rate pair of a key in millionths (from, to), without noting it as used: for ranking in SQL. */
  micros(currency: string, key: string): [bigint, bigint] {
    if (key === 'same') return [MICRO, MICRO];
    const [fromDate, toDate] = key.split('|') as [string, string];
    const find = (c: string, d: string) => (d === 'EUR' ? MICRO : this.rates.get(c)!.find((r) => r.date === d)!.micro);
    return [find(currency, fromDate), find(this.reportingCurrency, toDate)];
  }

  private note(currency: string, date: string): bigint {
    const rate = this.rates.get(currency)!.find((r) => r.date === date)!;
    this.used.set(`${currency}|${date}`, { currency, date, unitsPerEur: Number(rate.micro) / 1e6 });
    return rate.micro;
  }

  usage(): FxUsage {
    return {
      reportingCurrency: this.reportingCurrency,
      rates: [...this.used.values()].sort((a, b) => (a.currency === b.currency ? (a.date < b.date ? -1 : 1) : a.currency < b.currency ? -1 : 1)),
      missing: [...this.missing].sort(),
    };
  }
}

/** Ledger sums in one currency: gross, fees, refunds (≤ 0), refunded fees (≤ 0), paid bookings. */
export interface LedgerSums {
  gross: number;
  fee: number;
  refund: number;
  refundFee: number;
  paid: number;
}

export const emptySums = (): LedgerSums => ({ gross: 0, fee: 0, refund: 0, refundFee: 0, paid: 0 });

export function addSums(into: LedgerSums, add: LedgerSums): void {
  into.gross += add.gross;
  into.fee += add.fee;
  into.refund += add.refund;
  into.refundFee += add.refundFee;
  into.paid += add.paid;
}

/** Ledger sums of one slice, kept per original currency and rate key until converted. */
export class MoneyPot {
  private readonly parts = new Map<string, { currency: string; key: string | null; sums: LedgerSums }>();

  add(fx: FxConverter, currency: string, day: string, sums: LedgerSums): void {
    const key = fx.keyFor(currency, day);
    const id = `${currency}|${key ?? 'missing'}`;
    let part = this.parts.get(id);
    if (!part) this.parts.set(id, (part = { currency, key, sums: emptySums() }));
    addSums(part.sums, sums);
  }

  /** Unconverted sums per original currency. */
  byCurrency(): Map<string, LedgerSums> {
    const out = new Map<string, LedgerSums>();
    for (const part of this.parts.values()) {
      const sums = out.get(part.currency) ?? emptySums();
      addSums(sums, part.sums);
      out.set(part.currency, sums);
    }
    return out;
  }

  /** Converted into the reporting currency (paid bookings counted in every currency, even one without a rate). */
  converted(fx: FxConverter): RevenueAmounts {
    const total = emptySums();
    for (const part of this.parts.values()) {
      total.paid += part.sums.paid;
      if (part.key === null) continue;
      total.gross += fx.convert(part.currency, part.key, part.sums.gross);
      total.fee += fx.convert(part.currency, part.key, part.sums.fee);
      total.refund += fx.convert(part.currency, part.key, part.sums.refund);
      total.refundFee += fx.convert(part.currency, part.key, part.sums.refundFee);
    }
    return toAmounts(total);
  }
}

export function toAmounts(s: LedgerSums): RevenueAmounts {
  const net = s.fee + s.refundFee;
  return {
    gmvCents: s.gross,
    feeCents: s.fee,
    refundCents: s.refund,
    netRevenueCents: net,
    operatorPayoutCents: s.gross + s.refund - net,
    paidBookings: s.paid,
  };
}
