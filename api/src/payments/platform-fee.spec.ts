import { splitGross } from './platform-fee.js';

describe('splitGross', () => {
  it('keeps 15 % for the platform and the rest for the operator', () => {
    expect(splitGross(1000, 1500)).toEqual({ grossCents: 1000, platformFeeCents: 150, operatorNetCents: 850 });
  });

  it('rounds the fee half up and never loses a cent', () => {
    expect(splitGross(1010, 1500)).toEqual({ grossCents: 1010, platformFeeCents: 152, operatorNetCents: 858 }); // 151.5 → 152
    for (const gross of [0, 1, 7, 333, 99_999]) {
      const split = splitGross(gross, 1234);
      expect(split.platformFeeCents + split.operatorNetCents).toBe(gross);
    }
  });
});
