/** Recent errors shared by all instances (`system_error_groups`), slow statements, GET /api/system/errors. */
export { ErrorLogModule } from './error-log.module.js';
export { SystemErrorsService } from './error-log.service.js';
export { SlowQueryLogger } from './slow-query.logger.js';
