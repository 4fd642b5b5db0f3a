import type { SeedOptions } from './seed-runner.js';
import { SCALES, type ScaleName } from './scales.js';

/** The fixed seed `npm start` and `npm run seed` use unless told otherwise. */
export const DEFAULT_SEED = 20_260_101;

export const SEED_USAGE = `Usage: npm run seed -- [--scale small|large] [--reset] [--seed <integer>] [--anchor <YYYY-MM-DD>]
  --scale   small: the demo set npm start loads (default); large: 10,000 facilities, 500,000 spaces, about 5,000,000 bookings over 18 months
  --reset   delete all data first (required when the database already has users)
  --seed    seed of the random generator (default ${DEFAULT_SEED}); the same seed gives the same rows
  --anchor  the data set's "today" (default: today, UTC); past bookings end before it, upcoming ones start after`;

export class SeedUsageError extends Error {}

/** Today at 00:00 UTC: the default anchor, so the demo always has past and upcoming bookings. */
export function todayUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Parses `npm run seed -- …` arguments; accepts `--name value` and `--name=value`. */
export function parseSeedArguments(args: readonly string[], now: Date): SeedOptions {
  const options: SeedOptions = { scale: 'small', seed: DEFAULT_SEED, reset: false, anchor: todayUtc(now) };
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v.startsWith('--')) throw new SeedUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--scale': {
        const scale = value();
        if (!(scale in SCALES)) throw new SeedUsageError(`--scale must be one of ${Object.keys(SCALES).join(', ')}, got "${scale}"`);
        options.scale = scale as ScaleName;
        break;
      }
      case '--reset':
        if (inline !== undefined) throw new SeedUsageError('--reset takes no value');
        options.reset = true;
        break;
      case '--seed': {
        const raw = value();
        if (!/^\d{1,9}$/.test(raw)) throw new SeedUsageError(`--seed must be a whole number below 1,000,000,000, got "${raw}"`);
        options.seed = Number(raw);
        break;
      }
      case '--anchor': {
        const raw = value();
        const anchor = new Date(`${raw}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(anchor.getTime()))
          throw new SeedUsageError(`--anchor must be a date like 2026-01-31, got "${raw}"`);
        options.anchor = anchor;
        break;
      }
      default:
        throw new SeedUsageError(`unknown argument "${args[i]}"`);
    }
  }
  return options;
}
