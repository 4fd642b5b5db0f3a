import { csvCell, csvLine } from './csv.js';

describe('csvCell (RFC 4180, formula injection guarded)', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('B-AB 123')).toBe('B-AB 123');
    expect(csvCell(-1250)).toBe('-1250');
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvCell('Garage, "Central"')).toBe('"Garage, ""Central"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes null as an empty field', () => {
    expect(csvCell(null)).toBe('');
  });
});

describe('csvLine', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});
