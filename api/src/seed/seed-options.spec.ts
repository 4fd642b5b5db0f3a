import { DEFAULT_SEED, parseSeedArguments, SeedUsageError } from './seed-options.js';

const NOW = new Date('2026-05-17T15:42:00Z');

describe('parseSeedArguments', () => {
  it('defaults to the small set, the fixed seed, no reset and today at 00:00 UTC', () => {
    expect(parseSeedArguments([], NOW)).toEqual({ scale: 'small', seed: DEFAULT_SEED, reset: false, anchor: new Date('2026-05-17T00:00:00Z') });
  });

  it('reads every option, in both --name value and --name=value forms', () => {
    expect(parseSeedArguments(['--scale', 'large', '--reset', '--seed=7', '--anchor', '2026-01-31'], NOW)).toEqual({
      scale: 'large',
      seed: 7,
      reset: true,
      anchor: new Date('2026-01-31T00:00:00Z'),
    });
  });

  it.each([[['--scale', 'huge']], [['--scale']], [['--seed', '-1']], [['--anchor', '31.01.2026']], [['--reset=yes']], [['--force']]])(
    'rejects %j with a usage error',
    (args) => {
      expect(() => parseSeedArguments(args, NOW)).toThrow(SeedUsageError);
    },
  );
});
