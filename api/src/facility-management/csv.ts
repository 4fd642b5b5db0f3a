/**
 * CSV per RFC 4180: fields with a comma, quote, CR or LF are quoted and quotes doubled; lines end
 * with CRLF. Cells a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading apostrophe (OWASP, CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
