import { Injectable } from '@nestjs/common';
import type { FxRateInput, FxRatesView } from '@aiparksit/shared';
import { MetricsException } from './metrics.exception.js';
import { MetricsRepository } from './metrics.repository.js';
import { dayNumber } from './period.js';

/** The dated reference rates the metrics convert money with (admin). */
@Injectable()
export class FxRatesService {
  constructor(private readonly repository: MetricsRepository) {}

  async list(): Promise<FxRatesView> {
    const rows = await this.repository.fxRates();
    return { rates: rows.map((r) => ({ date: r.date, currency: r.currency, unitsPerEur: Number(r.unitsPerEur) })) };
  }

  async put(rates: FxRateInput[]): Promise<FxRatesView> {
    rates.forEach((rate, i) => {
      if (dayNumber(rate.date) === null) throw new MetricsException('invalid_fx_rate', `rates[${i}].date is not a real date`, { index: i, date: rate.date });
      if (rate.currency === 'EUR') throw new MetricsException('invalid_fx_rate', `rates[${i}]: EUR is the base currency (always 1)`, { index: i });
    });
    const seen = new Set<string>();
    for (const [i, rate] of rates.entries()) {
      const key = `${rate.currency}|${rate.date}`;
      if (seen.has(key)) throw new MetricsException('invalid_fx_rate', `rates[${i}] repeats ${rate.currency} on ${rate.date}`, { index: i });
      seen.add(key);
    }
    await this.repository.putFxRates(rates);
    return this.list();
  }
}
