import { existsSync } from 'node:fs';

export const CHROMIUM_SOURCES = ['path', 'system', 'npm'] as const;
export type ChromiumSource = (typeof CHROMIUM_SOURCES)[number];

export interface ChromiumCandidate {
  source: ChromiumSource;
  /** Resolved lazily: the npm-shipped browser is unpacked to a temporary folder on first use. */
  executablePath: () => Promise<string>;
  describe: string;
}

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

/**
 * Where a Chromium may be, in order: `CHROMIUM_PATH`, the system's, then the one shipped inside the
 * `@sparticuz/chromium` npm package (so `npm start` on a machine with nothing else installed can
 * still print). `sources` leaves some out (tests hide the system's to prove the npm one starts).
 */
export function chromiumCandidates(configuredPath: string | undefined, sources: readonly ChromiumSource[]): ChromiumCandidate[] {
  const candidates: ChromiumCandidate[] = [];
  if (sources.includes('path') && configuredPath) {
    candidates.push({ source: 'path', executablePath: () => Promise.resolve(configuredPath), describe: `CHROMIUM_PATH (${configuredPath})` });
  }
  if (sources.includes('system')) {
    const found = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
    if (found) candidates.push({ source: 'system', executablePath: () => Promise.resolve(found), describe: `system Chromium (${found})` });
  }
  if (sources.includes('npm')) {
    candidates.push({
      source: 'npm',
      executablePath: async () => {
        const { default: chromium } = await import('@sparticuz/chromium');
        return chromium.executablePath();
      },
      describe: 'npm-shipped Chromium (@sparticuz/chromium)',
    });
  }
  return candidates;
}
