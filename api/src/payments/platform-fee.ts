/** How a payment (or a refund) divides between the platform and the operator. */
export interface LedgerSplit {
  grossCents: number;
  platformFeeCents: number;
  operatorNetCents: number;
}

/** The platform keeps `feeBps` basis points, rounded half up; the operator the rest, so gross = fee + net exactly. */
export function splitGross(grossCents: number, feeBps: number): LedgerSplit {
  const platformFeeCents = Math.floor((grossCents * feeBps + 5_000) / 10_000);
  return { grossCents, platformFeeCents, operatorNetCents: grossCents - platformFeeCents };
}
