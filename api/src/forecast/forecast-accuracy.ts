/**
 * Mean absolute error of a forecast: the average of |forecast − actual| over the hours given,
 * in the series' own unit (occupied spaces). NaN for no hours.
 */
export function meanAbsoluteError(forecast: ArrayLike<number>, actual: ArrayLike<number>): number {
  const tally = new ForecastErrorTally();
  tally.addSeries(forecast, actual);
  return tally.mae;
}

/**
 * Mean absolute percentage error, in percent, over the hours whose actual is nonzero only: an
 * hour with nothing parked (nights, closed hours) has no percentage error, and counting it as 0 %
 * or ∞ would say more about how many empty hours there are than about the forecast. NaN when no
 * actual is nonzero.
 */
export function meanAbsolutePercentageError(forecast: ArrayLike<number>, actual: ArrayLike<number>): number {
  const tally = new ForecastErrorTally();
  tally.addSeries(forecast, actual);
  return tally.mape;
}

/** Sums errors over many series (facilities, weeks) to give MAE and MAPE of them all together. */
export class ForecastErrorTally {
  private absoluteErrors = 0;
  private hourCount = 0;
  private percentageErrors = 0;
  private nonzeroHours = 0;

  add(forecast: number, actual: number): void {
    const error = Math.abs(forecast - actual);
    this.absoluteErrors += error;
    this.hourCount++;
    if (actual !== 0) {
      this.percentageErrors += error / Math.abs(actual);
      this.nonzeroHours++;
    }
  }

  addSeries(forecast: ArrayLike<number>, actual: ArrayLike<number>): void {
    if (forecast.length !== actual.length) throw new RangeError(`forecast has ${forecast.length} hours, actual ${actual.length}`);
    for (let i = 0; i < forecast.length; i++) this.add(forecast[i]!, actual[i]!);
  }

  /** Adds another tally's hours to this one (per-horizon tallies summed into a week's). */
  merge(other: ForecastErrorTally): void {
    this.absoluteErrors += other.absoluteErrors;
    this.hourCount += other.hourCount;
    this.percentageErrors += other.percentageErrors;
    this.nonzeroHours += other.nonzeroHours;
  }

  get hours(): number {
    return this.hourCount;
  }

  /** Mean absolute error over every hour added. */
  get mae(): number {
    return this.hourCount ? this.absoluteErrors / this.hourCount : NaN;
  }

  /** Mean absolute percentage error (percent) over the hours added whose actual was nonzero. */
  get mape(): number {
    return this.nonzeroHours ? (100 * this.percentageErrors) / this.nonzeroHours : NaN;
  }
}
