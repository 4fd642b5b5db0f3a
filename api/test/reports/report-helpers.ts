import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type pg from 'pg';
import type { InvestorOverview, MetricsQuery, ReportExportRequest } from '@aiparksit/shared';
import { unique } from '../support/db.js';
import { createUser } from '../support/factories.js';
import { createFacility, createOperator } from '../support/facility-factories.js';

export interface ExportAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
  json(): { statusCode: number; message: string; details: Record<string, unknown> };
}

export async function exportReport(api: string, token: string | null, request: Partial<ReportExportRequest> | Record<string, unknown>): Promise<ExportAnswer> {
  const res = await fetch(`${api}/api/reports/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(request),
  });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) };
}

export async function investorOverview(api: string, token: string, query: MetricsQuery): Promise<InvestorOverview> {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]);
  const res = await fetch(`${api}/api/proxy/investor?${params}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET /api/proxy/investor answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as InvestorOverview;
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF), enough to read back what the API wrote. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || record.length) throw new Error('the CSV does not end with CRLF');
  return records;
}

/** Paid bookings in two cities and currencies during `year`, one of them refunded in part, straight into SQL. */
export async function seedReportYear(pool: pg.Pool, year: number): Promise<void> {
  const operator = await createOperator(pool);
  const driver = await createUser(pool, { role: 'driver' });
  const cities = [
    { city: unique('Reportburg'), timeZone: 'Europe/Berlin', currency: 'EUR' },
    { city: unique('Reportstadt'), timeZone: 'Europe/Zurich', currency: 'CHF' },
  ];
  for (const [c, place] of cities.entries()) {
    const facility = await createFacility(pool, operator, { city: place.city, timeZone: place.timeZone, currency: place.currency, spaces: { standard: 3 } });
    for (let month = 1; month <= 12; month += 1 + c) {
      const day = `${year}-${String(month).padStart(2, '0')}-1${c}`;
      const gross = 1000 + month * 37;
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency)
         VALUES ($1, $2, $3, $4, 'standard', tstzrange($5, $6), 'completed', 'R-EP 1', $7, $8) RETURNING id`,
        [unique('RP').slice(-24), driver.id, facility.id, facility.spaces.standard![month % 3], `${day}T08:00:00Z`, `${day}T10:30:00Z`, gross, place.currency],
      );
      const ledger = (at: string, grossCents: number, feeCents: number, sign: 1 | -1) =>
        pool.query(
          `INSERT INTO ledger_entries (booking_id, operator_id, facility_id, account, amount_cents, currency, occurred_at)
           SELECT $1, $2, $3, a.account::ledger_account, a.amount, $4, $5 FROM unnest($6::text[], $7::bigint[]) AS a(account, amount)`,
          [
            rows[0]!.id,
            operator.id,
            facility.id,
            place.currency,
            at,
            sign > 0 ? ['gross', 'platform_fee', 'operator_net'] : ['refund', 'refund_platform_fee', 'refund_operator_net'],
            [grossCents, feeCents, grossCents - feeCents].map((a) => a * sign),
          ],
        );
      await ledger(`${day}T07:00:00Z`, gross, 150 + month, 1);
      if (month === 5) await ledger(`${day}T12:00:00Z`, 500, 75, -1);
    }
  }
}

/** The process ids whose parent is `pid` (Linux /proc). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the parent id follows the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/** The Chromium a process started (puppeteer spawns it as a direct child), with its executable. */
export function chromiumChildOf(pid: number): { pid: number; executable: string } | null {
  for (const child of childPids(pid)) {
    let executable: string;
    try {
      executable = readlinkSync(`/proc/${child}/exe`);
    } catch {
      continue;
    }
    if (/chrom/i.test(executable)) return { pid: child, executable };
  }
  return null;
}
