import { copyLine } from './copy-rows.js';

describe('copyLine', () => {
  it('writes COPY text format: tabs between fields, \\N for NULL, ISO instants, array literals', () => {
    expect(copyLine(['a', 1, true, null, new Date('2026-01-02T03:04:05Z'), ['x', 'y z']])).toBe(
      'a\t1\ttrue\t\\N\t2026-01-02T03:04:05.000Z\t{"x","y z"}\n',
    );
  });

  it('escapes the characters that would break a row', () => {
    expect(copyLine(['tab\there', 'line\nbreak', 'back\\slash'])).toBe('tab\\there\tline\\nbreak\tback\\\\slash\n');
  });
});
