import { copyLine, isoInstantWriter } from './copy-rows.js';

describe('copyLine', () => {
  it('writes COPY text format: tabs between fields, \\N for NULL, ISO instants, array literals', () => {
    expect(copyLine(['a', 1, true, null, new Date('2026-01-02T03:04:05Z'), ['x', 'y z']])).toBe('a\t1\ttrue\t\\N\t2026-01-02T03:04:05.000Z\t{"x","y z"}\n');
  });

  it('escapes the characters that would break a row', () => {
    expect(copyLine(['tab\there', 'line\nbreak', 'back\\slash'])).toBe('tab\\there\tline\\nbreak\tback\\\\slash\n');
  });
});

describe('isoInstantWriter', () => {
  it('writes exactly what toISOString writes, and \\N for null', () => {
    const iso = isoInstantWriter();
    const instants = [
      0,
      1,
      999,
      1000,
      59_999,
      86_399_999,
      Date.UTC(2026, 2, 29, 1, 0, 0),
      Date.UTC(2026, 10, 26, 23, 59, 59, 7),
      Date.UTC(1969, 11, 31, 23, 0, 0, 50),
    ];
    for (let k = 0; k < 500; k += 1) instants.push(Date.UTC(2025, 0, 1) + Math.floor(k * 7_919_333.7));
    for (const ms of instants) expect(iso(ms)).toBe(new Date(ms).toISOString());
    expect(iso(null)).toBe('\\N');
  });
});
