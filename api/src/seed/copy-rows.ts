import { closeSync, createReadStream, openSync, statSync, writeSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
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
 * by `rows` and never held all at once. A row is a list of values or a line already in COPY
 * text format. `onRows` hears how many rows have gone so far.
 */
export async function copyInto(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[] | string>,
  onRows: (sent: number) => void,
): Promise<number> {
  let sent = 0;
  function* chunks(): Generator<string> {
    let buffer = '';
    for (const row of rows) {
      buffer += typeof row === 'string' ? row : copyLine(row);
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

/**
 * Rows written now and copied later: the bookings pass also yields every payment and ledger
 * line, which are spooled to a file in COPY format instead of regenerating five million
 * bookings once more per table or keeping them in memory.
 */
export class CopySpool {
  private readonly fd: number;
  private buffer = '';
  rows = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** One row already in COPY text format, newline included. */
  addLine(line: string): void {
    this.buffer += line;
    this.rows += 1;
    if (this.buffer.length >= CHUNK_CHARS) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

/** Copies a spooled file into `table`; `onShare` hears the fraction of the file sent so far. */
export async function copySpoolInto(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  spool: CopySpool,
  onShare: (share: number) => void,
): Promise<number> {
  const size = statSync(spool.path).size || 1;
  let sent = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      onShare(sent / size);
      done(null, chunk);
    },
  });
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  await pipeline(createReadStream(spool.path, { highWaterMark: 1 << 20 }), meter, client.query(copyFrom(sql)));
  return spool.rows;
}

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `Date#toISOString()` for COPY text, made from a cached date part and arithmetic for the time:
 * the seed writes some forty million instants, and a Date object plus its formatting for each
 * was a large share of generating a booking. Null → `\N`. Same output as toISOString().
 */
export function isoInstantWriter(): (ms: number | null) => string {
  const dates = new Map<number, string>();
  return (ms) => {
    if (ms === null) return '\\N';
    const day = Math.floor(ms / DAY_MS);
    let date = dates.get(day);
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 11);
      dates.set(day, date);
    }
    const rest = ms - day * DAY_MS;
    const millis = rest % 1000;
    const seconds = Math.floor(rest / 1000);
    return `${date}${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.${millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : millis}Z`;
  };
}
