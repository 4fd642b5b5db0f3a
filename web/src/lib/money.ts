/**
 * Amounts travel as integer minor units (cents) with an ISO 4217 currency. The number of minor
 * digits comes from Intl per currency (2 for EUR, 0 for JPY), so cents are never assumed to be
 * hundredths everywhere.
 */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(amountCents: number, currency = 'EUR', locale?: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountCents / 10 ** digits);
}

/**
 * What a person typed as an amount ("12", "12.5", "12,50") → minor units; null when it is not a
 * non-negative amount. Parsed digit by digit so 0.1 + 0.2 style float errors never reach cents.
 */
export function parseMoneyInput(text: string, currency = 'EUR'): number | null {
  const trimmed = text.trim().replace(',', '.');
  const digits = minorUnitDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
