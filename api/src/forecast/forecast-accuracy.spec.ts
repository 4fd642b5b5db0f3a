import { ForecastErrorTally, meanAbsoluteError, meanAbsolutePercentageError } from './forecast-accuracy.js';

describe('forecast accuracy', () => {
  it('averages absolute errors over every hour', () => {
    expect(meanAbsoluteError([1, 2, 3, 0], [2, 2, 1, 1])).toBe(1);
  });

  it('leaves hours with an actual of 0 out of MAPE, and gives NaN when none is left', () => {
    // |1−2|/2 = 50 %, |3−1|/1 = 200 %; the hour that held nothing is not counted.
    expect(meanAbsolutePercentageError([1, 3, 5], [2, 1, 0])).toBe(125);
    expect(meanAbsolutePercentageError([1], [0])).toBeNaN();
  });

  it('sums tallies of several series as if they were one', () => {
    const a = new ForecastErrorTally();
    a.addSeries([1, 3], [2, 1]);
    const b = new ForecastErrorTally();
    b.addSeries([5], [0]);
    a.merge(b);
    expect(a.hours).toBe(3);
    expect(a.mae).toBeCloseTo(8 / 3, 12);
    expect(a.mape).toBe(125);
  });
});
