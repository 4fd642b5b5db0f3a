import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One value of a COPY text-format row; null is SQL NULL. */
export type CopyValue = string | number | boolean | null | Date | readonly string[];

/**
 * Encodes a value for COPY's text format: backslash escapes for the four characters that would
 * break a row, `\N` for NULL, PostgreSQL array literals for string lists, ISO-8601 for instants.
 */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return escapeCopyText(value);
  return escapeCopyText(`{${value.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
}

function escapeCopyText(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i += 1) line += (i === 0 ? '' : '\t') + copyField(values[i]!);
  return `${line}\n`;
}

const CHUNK_CHARS = 256 * 1024;

/**
 * Streams rows into `table` with one COPY, in chunks of about 256 KB; rows are produced lazily
 * by `rows` and never held all at once. `onRows` hears how many rows have gone so far.
 */
export async function copyInto(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
  onRows: (sent: number) => void,
): Promise<number> {
  let sent = 0;
  function* chunks(): Generator<string> {
    let buffer = '';
    for (const row of rows) {
      buffer += copyLine(row);
      sent += 1;
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
        onRows(sent);
      }
    }
    if (buffer) yield buffer;
    onRows(sent);
  }
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(chunks(), { objectMode: false }), client.query(copyFrom(sql)));
  return sent;
}
