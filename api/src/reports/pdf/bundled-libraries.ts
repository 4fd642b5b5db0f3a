import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';

/**
 * The shared libraries the npm-shipped Chromium needs beyond glibc (NSS, NSPR, expat) are packed
 * in `@sparticuz/chromium` as `al2023.tar.br`, which the package unpacks only on Amazon Linux. A
 * fresh Debian or Ubuntu has none of them unless a browser was installed, so we unpack them
 * ourselves (once, atomically) and point the browser's LD_LIBRARY_PATH at them.
 */
export function bundledChromiumLibraries(): string {
  const target = join(tmpdir(), 'aiparksit-chromium-libs');
  if (existsSync(join(target, 'libnss3.so'))) return target;
  const archive = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..', 'bin', 'al2023.tar.br');
  const staging = mkdtempSync(`${target}-`);
  try {
    for (const entry of untar(brotliDecompressSync(readFileSync(archive)))) {
      // Entries are `lib/<name>`; keep the file names only, refuse anything that climbs out.
      const name = normalize(entry.name).replace(/^lib\//, '');
      if (!name || name.includes('/') || name.startsWith('..')) continue;
      writeFileSync(join(staging, name), entry.data, { mode: 0o755 });
    }
    mkdirSync(dirname(target), { recursive: true });
    try {
      renameSync(staging, target);
    } catch {
      // Another process unpacked them first.
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/** Regular files of a ustar archive (POSIX.1-1988): 512-byte headers, octal sizes, data padded to 512. */
function* untar(tar: Buffer): Generator<{ name: string; data: Buffer }> {
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    if (type === '0') yield { name, data: tar.subarray(offset + 512, offset + 512 + size) };
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}
