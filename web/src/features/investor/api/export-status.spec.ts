import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../lib/api-error';
import { describeExportError, progressText } from './export-status';

describe('describeExportError', () => {
  it("says a busy renderer's own words and when to retry", () => {
    const busy = new ApiError(503, { statusCode: 503, error: 'Service Unavailable', message: 'The report renderer is busy.', requestId: 'r1' }, 7);
    expect(describeExportError(busy)).toBe('The report renderer is busy. Try again in 7 s.');
  });

  it('asks to try again in a moment without a Retry-After', () => {
    expect(describeExportError(new ApiError(503, null))).toBe('The report service is busy. Try again in a moment.');
  });

  it("passes a refusal's message on", () => {
    const refused = new ApiError(400, { statusCode: 400, error: 'Bad Request', message: 'The period is longer than 1096 days.', requestId: 'r2' });
    expect(describeExportError(refused)).toBe('The period is longer than 1096 days.');
  });
});

describe('progressText', () => {
  it('says the file is being prepared until bytes arrive, then how far along it is', () => {
    expect(progressText('pdf', 0, null)).toBe('Preparing the PDF…');
    expect(progressText('pdf', 51_200, 102_400)).toBe('Downloading… 50 %');
    expect(progressText('csv', 3_000, null)).toBe('Downloading… 3 KB');
  });
});
