import type { MaskedPayoutAccount, PayoutAccountInput } from '@aiparksit/shared';

/** IBAN lengths per country (ISO 13616 registry), for the countries of the registry we accept. */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

/** Length of the bank identifier at the start of the BBAN, where it is fixed; 4 otherwise. */
const BANK_CODE_LENGTHS: Record<string, number> = { AT: 5, CH: 5, DE: 8, DK: 4, GB: 4, NL: 4, FR: 5, BE: 3, ES: 4, IT: 6, LU: 3, IE: 4 };

/** Spaces and dashes as people type them are dropped; letters are upper-cased. */
export function normaliseIban(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** Why an IBAN is not valid, or null: country, length, characters and the ISO 7064 mod-97 check. */
export function ibanProblem(value: string): string | null {
  const iban = normaliseIban(value);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) return 'iban must start with a country code and two check digits, then letters and digits';
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTHS[country];
  if (length === undefined) return `iban country ${country} is not supported`;
  if (iban.length !== length) return `an IBAN from ${country} has ${length} characters`;
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return 'iban check digits do not match: please check for a typo';
  return null;
}

// Letters count as 10..35; the number is reduced piecewise so it never leaves the safe integer range.
function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const digits = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Why a US routing number is not valid, or null: nine digits with the ABA checksum (3-7-1 weights). */
export function routingNumberProblem(value: string): string | null {
  if (!/^[0-9]{9}$/.test(value)) return 'routingNumber must be 9 digits';
  const d = [...value].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  if (sum % 10 !== 0) return 'routingNumber checksum does not match: please check for a typo';
  return null;
}

export function accountNumberProblem(value: string): string | null {
  return /^[0-9]{4,17}$/.test(value) ? null : 'accountNumber must be 4 to 17 digits';
}

/**
 * What is kept of a valid payout account: kind, holder, country, the bank (IBAN bank code or the
 * ABA routing number, which names a bank, not an account) and the last 4 characters. Callers
 * validate first; the full number is never returned or stored.
 */
export function maskPayoutAccount(input: PayoutAccountInput): MaskedPayoutAccount {
  if (input.kind === 'iban') {
    const iban = normaliseIban(input.iban);
    const country = iban.slice(0, 2);
    const last4 = iban.slice(-4);
    const bankHint = iban.slice(4, 4 + (BANK_CODE_LENGTHS[country] ?? 4));
    return { kind: 'iban', holderName: input.holderName.trim(), country, bankHint, last4, display: maskedDisplay('iban', country, last4) };
  }
  const last4 = input.accountNumber.slice(-4);
  return {
    kind: 'us_ach',
    holderName: input.holderName.trim(),
    country: 'US',
    bankHint: input.routingNumber,
    last4,
    display: maskedDisplay('us_ach', 'US', last4),
  };
}

export function maskedDisplay(kind: MaskedPayoutAccount['kind'], country: string, last4: string): string {
  return kind === 'iban' ? `${country}•• •••• ${last4}` : `US ••••${last4}`;
}
