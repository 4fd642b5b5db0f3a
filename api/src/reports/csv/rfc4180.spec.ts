import { csvDocument, csvField } from './rfc4180.js';

describe('RFC 4180 CSV', () => {
  it('quotes fields holding commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('Berlin, Mitte')).toBe('"Berlin, Mitte"');
    expect(csvField('the "best" car park')).toBe('"the ""best"" car park"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes numbers as they are and empty fields for missing values', () => {
    expect(csvField(-1250)).toBe('-1250');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('ends every record with CRLF', () => {
    expect(
      csvDocument(
        ['a', 'b'],
        [
          [1, 'x'],
          [null, 'y,z'],
        ],
      ),
    ).toBe('a,b\r\n1,x\r\n,"y,z"\r\n');
  });
});
