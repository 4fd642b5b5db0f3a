import { describe, expect, it } from '@jest/globals';
import { isUuid } from './uuid.js';

describe('isUuid', () => {
  it('accepts the canonical form in either case', () => {
    expect(isUuid('a3b4e802-dfe0-4da0-948e-ac32c6f6104e')).toBe(true);
    expect(isUuid('A3B4E802-DFE0-4DA0-948E-AC32C6F6104E')).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of [
      '',
      'not-a-uuid',
      'a3b4e802dfe04da0948eac32c6f6104e',
      '{a3b4e802-dfe0-4da0-948e-ac32c6f6104e}',
      'a3b4e802-dfe0-4da0-948e-ac32c6f6104e ',
      'g3b4e802-dfe0-4da0-948e-ac32c6f6104e',
      42,
      null,
      undefined,
    ]) {
      expect(isUuid(value)).toBe(false);
    }
  });
});
