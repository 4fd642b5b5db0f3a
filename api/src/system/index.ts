/** The admin's system status page data and the diagnostics export. */
export { SystemModule } from './system.module.js';
export { SystemStatusService } from './system-status.service.js';
