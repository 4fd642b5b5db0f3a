/** The anti-harvesting guard: put `@HarvestProtected()` on public catalogue reads; `HarvestService.stats()` for the system page. */
export { HarvestModule } from './harvest.module.js';
export { HarvestProtected } from './harvest-protected.decorator.js';
export { HarvestService, type HarvestStats } from './harvest.service.js';
export { HarvestException } from './harvest.exception.js';
export type { HarvestedRead } from './harvest-reads.js';
export type { BlockReason } from './harvest-store.js';
