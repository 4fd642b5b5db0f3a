/** Multipliers count to 6 decimals: 1.5 → 1_500_000 millionths, so prices are exact integer math. */
export const MULTIPLIER_SCALE = 1_000_000n;

/**
 * A rate whose price for a window does not fit the amount columns (`PRICE_CENTS_MAX`). Saving
 * such a rate is refused; one already stored makes its facility unbookable, never a 500.
 */
export class PriceOutOfRangeError extends RangeError {
  override readonly name = 'PriceOutOfRangeError';
}

export function multiplierInMillionths(multiplier: number): bigint {
  if (typeof multiplier !== 'number' || Number.isNaN(multiplier) || multiplier < 0) {
    throw new RangeError(`A rate multiplier must be a finite number ≥ 0, got ${multiplier}`);
  }
  const millionths = Math.round(multiplier * 1_000_000);
  if (!Number.isSafeInteger(millionths)) throw new PriceOutOfRangeError(`A rate multiplier of ${multiplier} is too large to price with`);
  return BigInt(millionths);
}

/** numerator / denominator rounded half up (both ≥ 0), as a safe integer number of cents. */
export function roundHalfUpToCents(numerator: bigint, denominator: bigint): number {
  const cents = (2n * numerator + denominator) / (2n * denominator);
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new PriceOutOfRangeError('The price is too large to represent');
  return Number(cents);
}

export function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of cents ≥ 0, got ${value}`);
}
