import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log.service.js';
import { AuditRepository } from './audit.repository.js';

@Module({
  providers: [AuditLog, AuditRepository],
  exports: [AuditLog],
})
export class AuditModule {}
