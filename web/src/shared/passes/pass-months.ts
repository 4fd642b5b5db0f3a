/** "May 2030" for `2030-05`, in the reader's language. */
export function monthName(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year!, index! - 1, 1));
}

/** "3 passes left", "1 pass left", "Sold out". */
export function passesLeftText(left: number): string {
  if (left <= 0) return 'Sold out';
  return `${left} ${left === 1 ? 'pass' : 'passes'} left`;
}
