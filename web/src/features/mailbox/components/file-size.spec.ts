import { describe, expect, it } from '@jest/globals';
import { formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it('counts small files in bytes', () => {
    expect(formatFileSize(0)).toBe('0 bytes');
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(999)).toBe('999 bytes');
  });

  it('uses decimal kilobytes and megabytes with one decimal', () => {
    expect(formatFileSize(48_213)).toBe('48.2 kB');
    expect(formatFileSize(1_000)).toBe('1 kB');
    expect(formatFileSize(1_340_000)).toBe('1.3 MB');
  });
});
