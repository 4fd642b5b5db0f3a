import { Module } from '@nestjs/common';
import { ErrorLogFlusher } from './error-log-flusher.js';
import { SystemErrorsController } from './error-log.controller.js';
import { ErrorLogRepository } from './error-log.repository.js';
import { SystemErrorsService } from './error-log.service.js';

/** Persists the in-memory ErrorLog (common/errors) and serves GET /api/system/errors. */
@Module({
  controllers: [SystemErrorsController],
  providers: [ErrorLogRepository, ErrorLogFlusher, SystemErrorsService],
  exports: [SystemErrorsService],
})
export class ErrorLogModule {}
