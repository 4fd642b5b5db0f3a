/**
 * CSV as RFC 4180 writes it: CRLF between records, fields quoted when they hold a comma, a quote
 * or a line break, quotes doubled. Text that a spreadsheet would run as a formula (=, +, -, @,
 * tab, CR first: OWASP "CSV injection") is prefixed with an apostrophe; numbers are written as they are.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** The whole file: header first, every record ended by CRLF (the RFC allows the last one either way). */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  let out = csvRecord(header) + '\r\n';
  for (const row of rows) out += csvRecord(row) + '\r\n';
  return out;
}
