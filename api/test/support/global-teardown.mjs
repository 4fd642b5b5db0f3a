import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__aiparksitSystem;
  if (!state) return;
  await state.api.stop();
  await state.pg.stop();
  rmSync(state.root, { recursive: true, force: true });
}
