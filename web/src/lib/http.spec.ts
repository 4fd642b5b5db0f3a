import { describe, expect, it } from '@jest/globals';
import { fileNameFromDisposition } from './http';

describe('fileNameFromDisposition', () => {
  it('reads a quoted and an unquoted file name', () => {
    expect(fileNameFromDisposition('attachment; filename="aiparksit-platform-overview-2026-11-01-2026-11-30.pdf"')).toBe(
      'aiparksit-platform-overview-2026-11-01-2026-11-30.pdf',
    );
    expect(fileNameFromDisposition('attachment; filename=report.csv')).toBe('report.csv');
  });

  it("prefers the RFC 8187 form (filename*=UTF-8''…) and decodes it", () => {
    expect(fileNameFromDisposition(`attachment; filename="Zurich.pdf"; filename*=UTF-8''Z%C3%BCrich%20market.pdf`)).toBe('Zürich market.pdf');
  });

  it('keeps only the last path segment and gives up on nothing usable', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('attachment; filename=""')).toBeNull();
  });
});
