import { patternProblems, weeklyOccurrences } from './weekly-occurrences.js';

const workdays = { weekdays: [1, 2, 3, 4, 5], startTime: '08:00', endTime: '18:00', firstDate: '2027-03-22', weeks: 2 };
const now = new Date('2027-03-01T12:00:00Z');

describe('weeklyOccurrences', () => {
  it('keeps 08:00–18:00 on the Zurich wall clock across the spring DST change, so the UTC instants move by an hour', () => {
    const occurrences = weeklyOccurrences(workdays, 'Europe/Zurich');
    expect(occurrences.map((o) => o.date)).toEqual([
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
      '2027-03-25',
      '2027-03-26',
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
      '2027-04-01',
      '2027-04-02',
    ]);
    // Clocks go forward on Sunday 28 March 2027: CET (+01:00) before, CEST (+02:00) after.
    expect(occurrences[4]).toEqual({ date: '2027-03-26', start: new Date('2027-03-26T07:00:00Z'), end: new Date('2027-03-26T17:00:00Z') });
    expect(occurrences[5]).toEqual({ date: '2027-03-29', start: new Date('2027-03-29T06:00:00Z'), end: new Date('2027-03-29T16:00:00Z') });
    expect(occurrences.every((o) => o.end.getTime() - o.start.getTime() === 10 * 3_600_000)).toBe(true);
  });

  it('takes only the chosen weekdays, from the first date for the given weeks', () => {
    const occurrences = weeklyOccurrences({ weekdays: [6, 1], startTime: '09:30', endTime: '10:00', firstDate: '2027-06-02', weeks: 3 }, 'UTC');
    expect(occurrences.map((o) => o.date)).toEqual(['2027-06-05', '2027-06-07', '2027-06-12', '2027-06-14', '2027-06-19', '2027-06-21']);
    expect(occurrences[0]!.start.toISOString()).toBe('2027-06-05T09:30:00.000Z');
  });

  it('starts an occurrence whose start the DST change skips at the first instant after the gap', () => {
    const [sunday] = weeklyOccurrences({ weekdays: [7], startTime: '02:30', endTime: '04:00', firstDate: '2027-03-28', weeks: 1 }, 'Europe/Zurich');
    expect(sunday!.start.toISOString()).toBe('2027-03-28T01:30:00.000Z'); // 03:30 CEST
    expect(sunday!.end.toISOString()).toBe('2027-03-28T02:00:00.000Z');
  });
});

describe('patternProblems', () => {
  const fields = (pattern: Partial<typeof workdays>, at = now) =>
    patternProblems({ ...workdays, ...pattern }, 'Europe/Zurich', at).map((p) => `${p.field}:${p.code}`);

  it('accepts a sound pattern', () => {
    expect(fields({})).toEqual([]);
  });

  it('refuses empty, repeated or unknown weekdays', () => {
    expect(fields({ weekdays: [] })).toEqual(['weekdays:invalid']);
    expect(fields({ weekdays: [1, 1] })).toEqual(['weekdays:invalid']);
    expect(fields({ weekdays: [0, 8] })).toEqual(['weekdays:invalid']);
  });

  it('refuses malformed times and an end not after the start', () => {
    expect(fields({ startTime: '8:00', endTime: '24:00' })).toEqual(['startTime:invalid_format', 'endTime:invalid_format']);
    expect(fields({ startTime: '18:00', endTime: '08:00' })).toEqual(['endTime:not_after']);
    expect(fields({ endTime: '08:00' })).toEqual(['endTime:not_after']);
  });

  it('refuses weeks outside 1–12', () => {
    expect(fields({ weeks: 0 })).toEqual(['weeks:invalid']);
    expect(fields({ weeks: 13 })).toEqual(['weeks:invalid']);
    expect(fields({ weeks: 12 })).toEqual([]);
  });

  it("refuses a first date before the facility's local today, and takes today", () => {
    // 23:30 UTC on 21 March is already 22 March in Zurich.
    expect(fields({ firstDate: '2027-03-22' }, new Date('2027-03-21T23:30:00Z'))).toEqual([]);
    expect(fields({ firstDate: '2027-03-21' }, new Date('2027-03-21T23:30:00Z'))).toEqual(['firstDate:in_the_past']);
    expect(fields({ firstDate: '2027-02-30' })).toEqual(['firstDate:invalid_format']);
  });
});
