import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundledChromiumLibraries } from './bundled-libraries.js';

describe('bundledChromiumLibraries', () => {
  it('unpacks the NSS, NSPR and expat libraries the npm-shipped Chromium links against', async () => {
    const dir = bundledChromiumLibraries();
    for (const library of ['libnss3.so', 'libnspr4.so', 'libnssutil3.so', 'libexpat.so.1', 'libplc4.so', 'libplds4.so'])
      expect(existsSync(join(dir, library))).toBe(true);
    expect(bundledChromiumLibraries()).toBe(dir);
    // With them on LD_LIBRARY_PATH the dynamic linker resolves every library of that Chromium from them or from glibc.
    const { default: chromium } = await import('@sparticuz/chromium');
    const links = execFileSync('ldd', [await chromium.executablePath()], { encoding: 'utf8', env: { ...process.env, LD_LIBRARY_PATH: dir } });
    expect(links).not.toContain('not found');
    expect(links).toMatch(new RegExp(`libnss3\\.so => ${dir}/libnss3\\.so`));
  });
});
