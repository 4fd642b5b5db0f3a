/** Multipliers count to 6 decimals: 1.5 → 1_500_000 millionths, so prices are exact integer math. */
export const MULTIPLIER_SCALE = 1_000_000n;

export function multiplierInMillionths(multiplier: number): bigint {
  if (!Number.isFinite(multiplier) || multiplier < 0) {
    throw new RangeError(`A rate multiplier must be a finite number ≥ 0, got ${multiplier}`);
  }
  return BigInt(Math.round(multiplier * 1_000_000));
}

/** numerator / denominator rounded half up (both ≥ 0), as a safe integer number of cents. */
export function roundHalfUpToCents(numerator: bigint, denominator: bigint): number {
  const cents = (2n * numerator + denominator) / (2n * denominator);
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('The price is too large to represent');
  return Number(cents);
}

export function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of cents ≥ 0, got ${value}`);
}
