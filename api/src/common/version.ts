import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../config/index.js';

/** The product version, from the root package.json. */
export const APP_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

export const STARTED_AT = Date.now();
